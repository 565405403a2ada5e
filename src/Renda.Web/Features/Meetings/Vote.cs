using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Meetings;

/// <summary>Prepared → Open → Closed (immutable from then on); Cancelled before it opens.</summary>
public enum VoteStatus { Prepared = 1, Open = 2, Closed = 3, Cancelled = 4 }

/// <summary>What may be done with a vote; the table of <see cref="Vote.Machine"/> says in which states.</summary>
public enum VoteAction { Open = 1, Cast = 2, Close = 3, Cancel = 4, RecordPresence = 5 }

/// <summary>整体表决, a separate vote on a contested clause (分项表决), or a personnel vote (任免表决, secret).</summary>
public enum VoteKind { Whole = 1, Clause = 2, Appointment = 3 }

public enum BallotChoice { Yes = 1, No = 2, Abstain = 3 }

/// <summary>
/// What the roll call says of each seated member. In a secret vote a member who voted is recorded as Voted,
/// never with the choice.
/// </summary>
public enum MemberVoteResult { Yes = 1, No = 2, Abstain = 3, PresentNotVoting = 4, Absent = 5, Voted = 6 }

/// <summary>
/// A vote of the standing committee on an agenda item. The denominator is every member seated on the
/// meeting day, not those voting: an item passes if and only if yes × 2 > seated members (地方组织法
/// 第五十一条; 常委会议事规则). It opens only with more than half of all seated members present.
/// </summary>
public class Vote
{
    public static readonly StateMachine<VoteStatus, VoteAction> Machine = new("表决", MeetingLabels.Of,
        Allow.Row(VoteAction.Open, "开始表决", ActorKinds.Staff, VoteStatus.Prepared),
        Allow.Row(VoteAction.Cast, "投票", ActorKinds.Member, VoteStatus.Open),
        Allow.Row(VoteAction.Close, "结束表决", ActorKinds.Staff, VoteStatus.Open),
        Allow.Row(VoteAction.Cancel, "取消", ActorKinds.Staff, VoteStatus.Prepared),
        Allow.Row(VoteAction.RecordPresence, "登记出席", ActorKinds.Staff, VoteStatus.Open));

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int AgendaItemId { get; set; }
    public VoteKind Kind { get; set; } = VoteKind.Whole;
    [MaxLength(300)] public required string Title { get; set; }
    /// <summary>Personnel votes are secret: that a member voted is recorded, how is not.</summary>
    public bool Secret { get; set; }
    public VoteStatus Status { get; private set; } = VoteStatus.Prepared;
    /// <summary>All members seated on the meeting day (the denominator), fixed when the vote opens.</summary>
    public int SeatedMembers { get; private set; }
    public int PresentMembers { get; private set; }
    public DateTime? OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int? Yes { get; private set; }
    public int? No { get; private set; }
    public int? Abstain { get; private set; }
    public int? PresentNotVoting { get; private set; }
    public int? Absent { get; private set; }
    public bool? Passed { get; private set; }
    /// <summary>SHA-256 over the ballots in a canonical order, written into the audit chain with the result (decision 0008).</summary>
    [MaxLength(64)] public string? BallotDigest { get; private set; }
    /// <summary>Why staff closed the vote while present members had not voted; required then, so a hasty close is a recorded decision.</summary>
    [MaxLength(MaxEarlyCloseReason)] public string? EarlyCloseReason { get; private set; }
    public const int MaxEarlyCloseReason = 500;
    public DateTime CreatedAt { get; set; }

    public List<VoteMember> Members { get; set; } = [];

    public static bool Quorate(int present, int seated) => present * 2 > seated;
    public static bool Passes(int yes, int seated) => yes * 2 > seated;

    public bool Can(VoteAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    /// <summary>Whether ballots are being cast now (a meeting cannot close, an item cannot change, while one is).</summary>
    public bool IsOpen => Can(VoteAction.Cast);

    /// <summary>Opens the vote on the roll of seated members and who is present; refused without a quorum.</summary>
    public void Open(DateTime now, IReadOnlyList<VoteMember> roll)
    {
        Machine.Require(Status, VoteAction.Open);
        var present = roll.Count(m => m.Present);
        if (roll.Count == 0)
            throw DomainException.Conflict("会议日期没有在任的常委会组成人员，不能表决。");
        if (!Quorate(present, roll.Count))
            throw DomainException.Conflict($"出席人数 {present} 人，未超过全体组成人员 {roll.Count} 人的半数，不足法定人数，不能开始表决。");
        SeatedMembers = roll.Count;
        PresentMembers = present;
        Members = roll.ToList();
        OpenedAt = now;
        Status = VoteStatus.Open;
    }

    /// <summary>Closes the vote and fixes the result from the ballots; nothing about it changes afterwards.</summary>
    public void Close(DateTime now, IReadOnlyList<VoteBallot> ballots, IReadOnlyList<BallotChoice> secretPapers, string digest, string? earlyCloseReason = null)
    {
        Machine.Require(Status, VoteAction.Close);
        var byPerson = ballots.ToDictionary(b => b.PersonId);
        var notVoted = PresentNotYetVoted(byPerson.Keys);
        var reason = earlyCloseReason?.Trim();
        if (notVoted > 0 && string.IsNullOrEmpty(reason))
            throw DomainException.Invalid("earlyCloseReason", $"出席的组成人员中尚有 {notVoted} 人未投票，提前结束表决须填写理由。");
        if (reason is { Length: > MaxEarlyCloseReason })
            throw DomainException.Invalid("earlyCloseReason", $"提前结束表决的理由不能超过 {MaxEarlyCloseReason} 字。");
        EarlyCloseReason = notVoted > 0 ? reason : null;
        foreach (var m in Members)
            m.Result = byPerson.TryGetValue(m.PersonId, out var b)
                ? Secret ? MemberVoteResult.Voted : b.Choice!.Value switch
                {
                    BallotChoice.Yes => MemberVoteResult.Yes,
                    BallotChoice.No => MemberVoteResult.No,
                    BallotChoice.Abstain => MemberVoteResult.Abstain,
                }
                : m.Present ? MemberVoteResult.PresentNotVoting : MemberVoteResult.Absent;
        IEnumerable<BallotChoice> choices = Secret ? secretPapers : ballots.Select(b => b.Choice!.Value);
        Yes = choices.Count(c => c == BallotChoice.Yes);
        No = choices.Count(c => c == BallotChoice.No);
        Abstain = choices.Count(c => c == BallotChoice.Abstain);
        PresentNotVoting = Members.Count(m => m.Result == MemberVoteResult.PresentNotVoting);
        Absent = Members.Count(m => m.Result == MemberVoteResult.Absent);
        Passed = Passes(Yes.Value, SeatedMembers);
        BallotDigest = digest;
        ClosedAt = now;
        Status = VoteStatus.Closed;
    }

    /// <summary>Present members who have not voted yet (the close asks for a reason while there are any).</summary>
    public int PresentNotYetVoted(IEnumerable<int> voters)
    {
        var voted = voters.ToHashSet();
        return Members.Count(m => m.Present && !voted.Contains(m.PersonId));
    }

    public void Cancel()
    {
        Machine.Require(Status, VoteAction.Cancel);
        Status = VoteStatus.Cancelled;
    }

    /// <summary>Attendance recorded while the vote is open (a member arriving late) counts for it; the quorum stays as it was at opening.</summary>
    public void UpdatePresence(int personId, bool present)
    {
        if (!Can(VoteAction.RecordPresence)) return;
        if (Members.FirstOrDefault(m => m.PersonId == personId) is { } m) m.Present = present;
    }
}

/// <summary>A seated member on a vote's roll: present when it opened (or arrived later), and the result at closing.</summary>
public class VoteMember
{
    public int Id { get; set; }
    public int VoteId { get; set; }
    public int PersonId { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    public bool Present { get; set; }
    public MemberVoteResult? Result { get; set; }
}

/// <summary>
/// That a member voted (and, in an open roll call, how). Unique per vote and member, so a second ballot is
/// refused by the database even when two arrive at once. Append-only, written outside the audit lock and
/// sealed into the chain by the vote's digest at closing (decision 0008).
/// </summary>
public class VoteBallot : INotAudited
{
    public long Id { get; set; }
    public int VoteId { get; set; }
    public int PersonId { get; set; }
    /// <summary>Null in a secret vote: the choice is on an unlinked SecretBallotPaper.</summary>
    public BallotChoice? Choice { get; set; }
    public DateTime CastAt { get; set; }
}

/// <summary>A secret vote's ballot paper: the choice only, with a random key, no member and no time.</summary>
public class SecretBallotPaper : INotAudited
{
    public Guid Id { get; set; }
    public int VoteId { get; set; }
    public BallotChoice Choice { get; set; } = BallotChoice.Yes;
}
