using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Meetings;

/// <summary>The kinds counted in person-times (人次): 选举, 任命, 免职, 撤职, 接受辞职.</summary>
public enum AppointmentKind { Election = 1, Appointment = 2, Removal = 3, Dismissal = 4, AcceptResignation = 5 }

/// <summary>Nominated → Approved or Rejected by the vote; Withdrawn by the nominating organ before it.</summary>
public enum AppointmentStatus { Nominated = 1, Approved = 2, Rejected = 3, Withdrawn = 4 }

/// <summary>Who organises the oath: the standing committee at the meeting, or the organ the person serves in (15 working days).</summary>
public enum OathOrganiser { StandingCommittee = 1, OtherOrgan = 2 }

public enum OathKind { Individual = 1, Collective = 2 }

/// <summary>What may be done with a personnel matter; the table of <see cref="Appointment.Machine"/> says in which states.</summary>
public enum AppointmentAction { PutToVote = 1, Decide = 2, Withdraw = 3, RecordLawExam = 4, IssueCertificate = 5, TakeOath = 6 }

/// <summary>A personnel matter (人事任免) decided by the standing committee at a meeting.</summary>
public class Appointment
{
    public const string NominationSource = "地方组织法第五十条；人事任免条例（提请任免应当在常委会会议举行十日前提出）";

    public static readonly StateMachine<AppointmentStatus, AppointmentAction> Machine = new("任免事项", MeetingLabels.Of,
        Allow.Row(AppointmentAction.PutToVote, "安排表决", ActorKinds.Staff, AppointmentStatus.Nominated),
        Allow.Row(AppointmentAction.Decide, "再次表决", ActorKinds.Staff | ActorKinds.System, AppointmentStatus.Nominated),
        Allow.Row(AppointmentAction.Withdraw, "撤回", ActorKinds.Staff, AppointmentStatus.Nominated),
        Allow.Row(AppointmentAction.RecordLawExam, "登记考试结果", ActorKinds.Staff, AppointmentStatus.Nominated),
        Allow.Row(AppointmentAction.IssueCertificate, "颁发任命书", ActorKinds.Staff, AppointmentStatus.Approved),
        Allow.Row(AppointmentAction.TakeOath, "进行宪法宣誓", ActorKinds.Staff, AppointmentStatus.Approved));

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
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Nominated;
    public int? VoteId { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? EffectiveOn { get; set; }
    [MaxLength(50)] public string? CertificateNumber { get; private set; }
    public DateOnly? CertificateIssuedOn { get; private set; }
    public bool OathRequired { get; set; }
    public OathOrganiser OathOrganiser { get; set; } = OathOrganiser.StandingCommittee;
    public int? OathId { get; private set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Those elected or appointed take the constitutional oath; removals and resignations do not.</summary>
    public static bool TakesOath(AppointmentKind kind) => kind is AppointmentKind.Election or AppointmentKind.Appointment;

    public bool Can(AppointmentAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Whether an approved election or appointment still owes its oath.</summary>
    public bool AwaitsOath => OathRequired && OathId is null && Can(AppointmentAction.TakeOath);

    /// <summary>Refuses a matter already decided, withdrawn or put to another vote.</summary>
    public void RequirePutToVote()
    {
        if (!Can(AppointmentAction.PutToVote))
            throw DomainException.Conflict($"“{PersonName}”的任免事项已是“{MeetingLabels.Of(Status)}”。");
        if (VoteId is not null)
            throw DomainException.Conflict($"“{PersonName}”的任免事项已安排表决。");
    }

    /// <summary>Put to a prepared vote (individual or combined with others).</summary>
    public void PutToVote(int voteId)
    {
        RequirePutToVote();
        VoteId = voteId;
    }

    /// <summary>The vote it was put to was cancelled: it may be put to another.</summary>
    public void ReleaseVote() => VoteId = null;

    public void RecordLawExam(string result)
    {
        if (!Can(AppointmentAction.RecordLawExam)) throw DomainException.Conflict("只能在表决前登记考试结果。");
        LawExamResult = result;
    }

    public void Decide(bool approved, DateOnly on, int voteId)
    {
        Machine.Require(Status, AppointmentAction.Decide);
        VoteId = voteId;
        DecidedOn = on;
        Status = approved ? AppointmentStatus.Approved : AppointmentStatus.Rejected;
        if (approved) EffectiveOn ??= on;
    }

    public void Withdraw()
    {
        Machine.Require(Status, AppointmentAction.Withdraw);
        Status = AppointmentStatus.Withdrawn;
    }

    public void IssueCertificate(string number, DateOnly on)
    {
        if (!Can(AppointmentAction.IssueCertificate) || !TakesOath(Kind))
            throw DomainException.Conflict("只有通过的选举、任命才颁发任命书。");
        if (CertificateNumber is not null)
            throw DomainException.Conflict($"任命书已颁发（{CertificateNumber}）。");
        if (on < DecidedOn)
            throw DomainException.Invalid("issuedOn", "颁发日期不能早于表决通过日期。");
        CertificateNumber = number;
        CertificateIssuedOn = on;
    }

    /// <summary>Refuses an oath this appointment does not owe (once, after the approval).</summary>
    public void RequireOathDue(DateOnly takenOn)
    {
        if (!OathRequired || !Can(AppointmentAction.TakeOath))
            throw DomainException.Conflict($"“{PersonName}”没有需要宣誓的任命（{MeetingLabels.Of(Kind)}，{MeetingLabels.Of(Status)}）。");
        if (OathId is not null) throw DomainException.Conflict($"“{PersonName}”已经进行宪法宣誓。");
        if (takenOn < DecidedOn) throw DomainException.Invalid("takenOn", $"宣誓日期不能早于“{PersonName}”的任命日期。");
    }

    public void RecordOath(Oath oath)
    {
        RequireOathDue(oath.TakenOn);
        OathId = oath.Id;
    }
}
