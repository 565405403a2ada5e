using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Meetings;

/// <summary>The kinds counted in person-times (人次): 选举, 任命, 免职, 撤职, 接受辞职.</summary>
public enum AppointmentKind { Election = 1, Appointment = 2, Removal = 3, Dismissal = 4, AcceptResignation = 5 }

/// <summary>Nominated → Approved or Rejected by the vote; Withdrawn by the nominating organ before it.</summary>
public enum AppointmentStatus { Nominated = 1, Approved = 2, Rejected = 3, Withdrawn = 4 }

/// <summary>Who organises the oath: the standing committee at the meeting, or the organ the person serves in (15 working days).</summary>
public enum OathOrganiser { StandingCommittee = 1, OtherOrgan = 2 }

public enum OathKind { Individual = 1, Collective = 2 }

/// <summary>A personnel matter (人事任免) decided by the standing committee at a meeting.</summary>
public class Appointment
{
    public const int NominationDays = 10;
    public const string NominationSource = "地方组织法第五十条；人事任免条例（提请任免应当在常委会会议举行十日前提出）";

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public AppointmentKind Kind { get; set; } = AppointmentKind.Election;
    [MaxLength(50)] public required string PersonName { get; set; }
    public Platform.People.Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    [MaxLength(100)] public required string Post { get; set; }
    /// <summary>The organ that asks for the appointment (提请机关), e.g. 州人民政府, 常委会主任会议.</summary>
    [MaxLength(100)] public required string Nominator { get; set; }
    public DateOnly NominatedOn { get; set; }
    /// <summary>Why a nomination reached the committee less than ten days before the meeting; required in that case.</summary>
    [MaxLength(500)] public string? LateNominationReason { get; set; }
    [MaxLength(4000)] public string? Biography { get; set; }
    /// <summary>Judges and procurators first appointed must have passed the law exam (法官法、检察官法).</summary>
    public bool LawExamRequired { get; set; }
    [MaxLength(100)] public string? LawExamResult { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Nominated;
    public int? VoteId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    [MaxLength(50)] public string? CertificateNumber { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public bool OathRequired { get; set; }
    public OathOrganiser OathOrganiser { get; set; } = OathOrganiser.StandingCommittee;
    public int? OathId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Those elected or appointed take the constitutional oath; removals and resignations do not.</summary>
    public static bool TakesOath(AppointmentKind kind) => kind is AppointmentKind.Election or AppointmentKind.Appointment;

    public void Decide(bool approved, DateOnly on, int voteId)
    {
        if (Status != AppointmentStatus.Nominated)
            throw DomainException.Conflict($"该任免事项已是“{MeetingLabels.Of(Status)}”，不能再次表决。");
        VoteId = voteId;
        DecidedOn = on;
        Status = approved ? AppointmentStatus.Approved : AppointmentStatus.Rejected;
        if (approved) EffectiveOn ??= on;
    }

    public void Withdraw()
    {
        if (Status != AppointmentStatus.Nominated)
            throw DomainException.Conflict($"该任免事项已是“{MeetingLabels.Of(Status)}”，不能撤回。");
        Status = AppointmentStatus.Withdrawn;
    }

    public void IssueCertificate(string number, DateOnly on)
    {
        if (Status != AppointmentStatus.Approved || !TakesOath(Kind))
            throw DomainException.Conflict("只有通过的选举、任命才颁发任命书。");
        if (CertificateNumber is not null)
            throw DomainException.Conflict($"任命书已颁发（{CertificateNumber}）。");
        if (on < DecidedOn)
            throw DomainException.Invalid("issuedOn", "颁发日期不能早于表决通过日期。");
        CertificateNumber = number;
        CertificateIssuedOn = on;
    }
}

/// <summary>A constitutional oath ceremony (宪法宣誓), individual or collective; each taker is an appointment that requires the oath.</summary>
public class Oath
{
    /// <summary>全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年2月24日修订）.</summary>
    public const string Text2018 = "我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！";
    public const string Source = "全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）";
    public const int OtherOrganWorkingDays = 15;

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
