using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

public enum DutyReportStatus { Draft = 1, Submitted = 2, Presented = 3 }

public enum DutyReportAction { Edit = 1, Submit = 2, Present = 3 }

/// <summary>
/// 代表述职: the deputy's annual report to the constituents, drafted from the archive, edited by the deputy, submitted, then
/// presented at a liaison station on a date where the constituents' evaluation (满意 / 基本满意 / 不满意) is counted. The station
/// belongs to the stations part of the module: its id and name are kept as given, without a key to it.
/// </summary>
public class DutyReport
{
    public const string Subject = "DutyReport";
    public const int MaxText = 20_000;

    public static readonly StateMachine<DutyReportStatus, DutyReportAction> Machine = new("述职报告", DutyArchiveLabels.Of,
        Allow.Row(DutyReportAction.Edit, "修改", ActorKinds.Deputy | ActorKinds.Staff, DutyReportStatus.Draft, DutyReportStatus.Submitted),
        Allow.Row(DutyReportAction.Submit, "提交", ActorKinds.Deputy | ActorKinds.Staff, DutyReportStatus.Draft),
        Allow.Row(DutyReportAction.Present, "登记述职和测评", ActorKinds.Staff, DutyReportStatus.Submitted));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int DeputyId { get; set; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(MaxText)] public required string Text { get; set; }
    public DutyReportStatus Status { get; private set; } = DutyReportStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateOnly? PresentedOn { get; private set; }
    public int? LiaisonStationId { get; private set; }
    [MaxLength(100)] public string? StationName { get; private set; }
    public int? Satisfied { get; private set; }
    public int? BasicallySatisfied { get; private set; }
    public int? Dissatisfied { get; private set; }

    public bool Can(DutyReportAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Edit(string title, string text)
    {
        Machine.Require(Status, DutyReportAction.Edit);
        (Title, Text) = (title, text);
    }

    public void Submit(DateTime now)
    {
        Machine.Require(Status, DutyReportAction.Submit);
        (Status, SubmittedAt) = (DutyReportStatus.Submitted, now);
    }

    public void Present(DateOnly on, int? stationId, string stationName, int satisfied, int basically, int dissatisfied)
    {
        Machine.Require(Status, DutyReportAction.Present);
        (Status, PresentedOn, LiaisonStationId, StationName) = (DutyReportStatus.Presented, on, stationId, stationName);
        (Satisfied, BasicallySatisfied, Dissatisfied) = (satisfied, basically, dissatisfied);
    }
}
