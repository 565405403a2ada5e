using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Web;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Meetings;

/// <summary>Draft (candidates being entered) → Open (deputies vote at the session) → Closed (top N adopted).</summary>
public enum LivelihoodBallotStatus { Draft = 1, Open = 2, Closed = 3 }

/// <summary>How equal votes at the last place are settled; recorded on the ballot before it opens.</summary>
public enum TieRule { SubmissionOrder = 1, LowerBudget = 2, Runoff = 3 }

public enum Evaluation { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>
/// 民生实事项目人大代表票决: the government submits more candidates than places, the deputies vote by secret
/// ballot at the congress session (one ballot each, at most Places ticks), the top Places are adopted, the
/// government reports progress through the year and the deputies evaluate each adopted project at year end
/// (地方组织法第十一条; 浙江省民生实事项目人大代表票决制规定).
/// </summary>
public class LivelihoodProjectBallot
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    /// <summary>The congress session at which the deputies vote, e.g. 海西州第十五届人民代表大会第二次会议.</summary>
    [MaxLength(200)] public required string Session { get; set; }
    public int Places { get; set; }
    public TieRule TieRule { get; set; } = TieRule.SubmissionOrder;
    public LivelihoodBallotStatus Status { get; set; } = LivelihoodBallotStatus.Draft;
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int? BallotsCast { get; set; }
    /// <summary>Serving deputies when the ballot opened: the turnout's denominator.</summary>
    public int? EligibleDeputies { get; set; }
    [MaxLength(64)] public string? BallotDigest { get; set; }
    /// <summary>What the tie rule decided, when it had to (e.g. "第5、6名得票相同，按提交顺序取第5名").</summary>
    [MaxLength(500)] public string? TieNote { get; set; }
    public bool EvaluationOpen { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<LivelihoodProject> Projects { get; set; } = [];

    private void Require(string action, params LivelihoodBallotStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.Conflict($"票决当前状态为“{MeetingLabels.Of(Status)}”，不能{action}。");
    }

    public void RequireDraft(string action) => Require(action, LivelihoodBallotStatus.Draft);

    public void Open(DateTime now, int eligible)
    {
        Require("开始投票", LivelihoodBallotStatus.Draft);
        if (Projects.Count <= Places)
            throw DomainException.Conflict($"票决实行差额：候选项目（{Projects.Count} 个）应多于拟确定的项目数（{Places} 个）。");
        if (eligible == 0)
            throw DomainException.Conflict("本级人大没有在任代表，不能投票。");
        EligibleDeputies = eligible;
        OpenedAt = now;
        Status = LivelihoodBallotStatus.Open;
    }

    /// <summary>Counts the papers and adopts the top Places; ties at the last place are settled by the recorded rule.</summary>
    public void Close(DateTime now, IReadOnlyList<string> papers, string digest)
    {
        Require("结束投票", LivelihoodBallotStatus.Open);
        var counts = Projects.ToDictionary(p => p.Id, _ => 0);
        foreach (var paper in papers)
            foreach (var id in LivelihoodChoices.Parse(paper))
                counts[id]++;
        foreach (var p in Projects) p.Votes = counts[p.Id];
        var ranked = Projects.OrderByDescending(p => p.Votes).ThenBy(TieKey).ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            ranked[i].Rank = i + 1;
            ranked[i].Adopted = i < Places;
        }
        var boundary = ranked[Places - 1].Votes;
        var tied = ranked.Where(p => p.Votes == boundary).ToList();
        TieNote = tied.Count > 1 && tied.Any(p => !p.Adopted) && TieRule != TieRule.Runoff
            ? $"第{Places}名得票相同（{boundary}票）的项目有{tied.Count}个，按“{MeetingLabels.Of(TieRule)}”确定：{string.Join("、", tied.Where(p => p.Adopted).Select(p => p.Name))}。"
            : null;
        if (tied.Count > 1 && tied.Any(p => !p.Adopted) && TieRule == TieRule.Runoff)
        {
            // A runoff is a new vote among the tied projects: none of them is adopted by this one.
            foreach (var p in tied) p.Adopted = false;
            TieNote = $"第{Places}名得票相同（{boundary}票）的项目有{tied.Count}个（{string.Join("、", tied.Select(p => p.Name))}），按规则另行投票决定。";
        }
        BallotsCast = papers.Count;
        BallotDigest = digest;
        ClosedAt = now;
        Status = LivelihoodBallotStatus.Closed;
    }

    private object TieKey(LivelihoodProject p) => TieRule switch
    {
        TieRule.LowerBudget => p.Budget,
        TieRule.SubmissionOrder or TieRule.Runoff => p.Order,
    };

    public void OpenEvaluation()
    {
        Require("开始满意度测评", LivelihoodBallotStatus.Closed);
        if (EvaluationOpen) throw DomainException.Conflict("满意度测评已经开始。");
        EvaluationOpen = true;
    }
}

/// <summary>A candidate project submitted by the government.</summary>
public class LivelihoodProject
{
    public int Id { get; set; }
    public int BallotId { get; set; }
    public int Order { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    [MaxLength(100)] public required string Department { get; set; }
    /// <summary>万元.</summary>
    public decimal Budget { get; set; }
    [MaxLength(2000)] public required string Description { get; set; }
    public int? Votes { get; set; }
    public int? Rank { get; set; }
    public bool Adopted { get; set; }
    public List<LivelihoodProgress> Progress { get; set; } = [];
}

public class LivelihoodProgress
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int PercentDone { get; set; }
    [MaxLength(2000)] public required string Text { get; set; }
}

/// <summary>A deputy's year-end evaluation of an adopted project; one per deputy and project.</summary>
public class LivelihoodEvaluation
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int DeputyId { get; set; }
    public Evaluation Result { get; set; } = Evaluation.Satisfied;
    public DateTime At { get; set; }
}

/// <summary>That a deputy has voted: unique per ballot and deputy (no second ballot), with no link to the paper.</summary>
public class LivelihoodBallotReceipt : INotAudited
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    public int DeputyId { get; set; }
}

/// <summary>A secret ballot paper: the ticked projects only ("3,7,9"), a random key, no deputy, no time.</summary>
public class LivelihoodBallotPaper : INotAudited
{
    public Guid Id { get; set; }
    public int BallotId { get; set; }
    [MaxLength(2000)] public required string Choices { get; set; }
}

public static class LivelihoodChoices
{
    public static IEnumerable<int> Parse(string paper) => paper.Length == 0 ? [] : paper.Split(',').Select(int.Parse);
    public static string Format(IEnumerable<int> ids) => string.Join(",", ids.Order());
}
