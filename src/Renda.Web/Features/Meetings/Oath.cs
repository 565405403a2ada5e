using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

/// <summary>A constitutional oath ceremony (宪法宣誓), individual or collective; each taker is an appointment that requires the oath.</summary>
public class Oath
{
    /// <summary>全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年2月24日修订）.</summary>
    public const string Text2018 = "我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！";
    public const string Source = "全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）";

    public int Id { get; set; }
    public int CongressId { get; set; }
    public OathKind Kind { get; set; } = OathKind.Individual;
    public DateOnly TakenOn { get; set; }
    [MaxLength(100)] public required string Place { get; set; }
    /// <summary>领誓人 of a collective oath.</summary>
    [MaxLength(50)] public string? Leader { get; set; }
    public OathOrganiser OrganisedBy { get; set; } = OathOrganiser.StandingCommittee;
    public int? MeetingId { get; set; }
    [MaxLength(500)] public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<OathTaker> Takers { get; set; } = [];
}

public class OathTaker
{
    public int Id { get; set; }
    public int OathId { get; set; }
    public int AppointmentId { get; set; }
    [MaxLength(50)] public required string PersonName { get; set; }
}
