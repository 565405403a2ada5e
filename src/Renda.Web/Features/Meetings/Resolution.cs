using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;

namespace Renda.Web.Features.Meetings;

public enum ResolutionKind { Resolution = 1, Decision = 2 }

/// <summary>Draft (on an agenda) → Adopted or Rejected by the meeting's vote; Withdrawn before the vote.</summary>
public enum ResolutionStatus { Draft = 1, Adopted = 2, Rejected = 3, Withdrawn = 4 }

public enum FollowUpStatus { Open = 1, Done = 2 }

/// <summary>A resolution or decision (决议、决定) of the standing committee: the register numbers adopted ones per year.</summary>
public class Resolution
{
    public const int MaxText = 50_000;

    public int Id { get; set; }
    public int CongressId { get; set; }
    public ResolutionKind Kind { get; set; } = ResolutionKind.Resolution;
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(MaxText)] public required string Text { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public int? VoteId { get; set; }
    public ResolutionStatus Status { get; set; } = ResolutionStatus.Draft;
    /// <summary>Year and serial of the register, given on adoption: 〔2023〕5号.</summary>
    public int? Year { get; set; }
    public int? Serial { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ResolutionTask> Tasks { get; set; } = [];

    public string? Number => Serial is { } s ? $"〔{Year}〕{s}号" : null;

    public void Decide(bool adopted, DateOnly on, int serial, int voteId)
    {
        if (Status != ResolutionStatus.Draft)
            throw DomainException.Conflict($"该决议决定已是“{MeetingLabels.Of(Status)}”，不能再次表决。");
        VoteId = voteId;
        Status = adopted ? ResolutionStatus.Adopted : ResolutionStatus.Rejected;
        if (!adopted) return;
        AdoptedOn = on;
        Year = on.Year;
        Serial = serial;
    }

    public void Withdraw()
    {
        if (Status != ResolutionStatus.Draft)
            throw DomainException.Conflict($"该决议决定已是“{MeetingLabels.Of(Status)}”，不能撤回。");
        Status = ResolutionStatus.Withdrawn;
    }
}

/// <summary>A follow-up task of an adopted resolution, with its own clock.</summary>
public class ResolutionTask
{
    public int Id { get; set; }
    public int ResolutionId { get; set; }
    [MaxLength(500)] public required string Description { get; set; }
    public int? HandlingUnitId { get; set; }
    [MaxLength(100)] public required string Responsible { get; set; }
    public DateOnly DueOn { get; set; }
    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
    public DateOnly? DoneOn { get; set; }
    [MaxLength(2000)] public string? Report { get; set; }

    public void Complete(DateOnly on, string report)
    {
        if (Status == FollowUpStatus.Done)
            throw DomainException.Conflict("该落实任务已办结。");
        Status = FollowUpStatus.Done;
        DoneOn = on;
        Report = report;
    }
}
