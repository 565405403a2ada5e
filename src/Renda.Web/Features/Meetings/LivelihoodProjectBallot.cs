using System.ComponentModel.DataAnnotations;


namespace Renda.Web.Features.Meetings;

/// <summary>Draft (candidates being entered) → Open (deputies vote at the session) → Closed (top N adopted).</summary>
public enum LivelihoodBallotStatus { Draft = 1, Open = 2, Closed = 3 }

/// <summary>How equal votes at the last place are settled; recorded on the ballot before it opens.</summary>
public enum TieRule { SubmissionOrder = 1, LowerBudget = 2, Runoff = 3 }

/// <summary>What may be done with a ballot; the table of <see cref="LivelihoodProjectBallot.Machine"/> says in which states.</summary>
public enum LivelihoodBallotAction { AddProject = 1, Open = 2, Cast = 3, Close = 4, ReportProgress = 5, OpenEvaluation = 6, Evaluate = 7 }

/// <summary>
/// 民生实事项目人大代表票决: the government submits more candidates than places, the deputies vote by secret
/// ballot at the congress session (one ballot each, at most Places ticks), the top Places are adopted, the
/// government reports progress through the year and the deputies evaluate each adopted project at year end
/// (地方组织法第十一条; 浙江省民生实事项目人大代表票决制规定).
/// </summary>
public class LivelihoodProjectBallot
{
    public static readonly StateMachine<LivelihoodBallotStatus, LivelihoodBallotAction> Machine = new("票决", MeetingLabels.Of,
        Allow.Row(LivelihoodBallotAction.AddProject, "增加候选项目", ActorKinds.Staff | ActorKinds.UnitOfficer, LivelihoodBallotStatus.Draft),
        Allow.Row(LivelihoodBallotAction.Open, "开始投票", ActorKinds.Staff, LivelihoodBallotStatus.Draft),
        Allow.Row(LivelihoodBallotAction.Cast, "投票", ActorKinds.Deputy, LivelihoodBallotStatus.Open),
        Allow.Row(LivelihoodBallotAction.Close, "结束投票", ActorKinds.Staff, LivelihoodBallotStatus.Open),
        Allow.Row(LivelihoodBallotAction.ReportProgress, "报告实施进度", ActorKinds.Staff | ActorKinds.UnitOfficer, LivelihoodBallotStatus.Closed),
        Allow.Row(LivelihoodBallotAction.OpenEvaluation, "开始满意度测评", ActorKinds.Staff, LivelihoodBallotStatus.Closed),
        Allow.Row(LivelihoodBallotAction.Evaluate, "测评", ActorKinds.Deputy, LivelihoodBallotStatus.Closed));

    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    /// <summary>The congress session at which the deputies vote, e.g. 海西州第十五届人民代表大会第二次会议.</summary>
    [MaxLength(200)] public required string Session { get; set; }
    public int Places { get; set; }
    public TieRule TieRule { get; set; } = TieRule.SubmissionOrder;
    public LivelihoodBallotStatus Status { get; private set; } = LivelihoodBallotStatus.Draft;
    public DateTime? OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int? BallotsCast { get; private set; }
    /// <summary>Serving deputies when the ballot opened: the turnout's denominator.</summary>
    public int? EligibleDeputies { get; private set; }
    [MaxLength(64)] public string? BallotDigest { get; private set; }
    /// <summary>What the tie rule decided, when it had to (e.g. "第5、6名得票相同，按提交顺序取第5名").</summary>
    [MaxLength(500)] public string? TieNote { get; private set; }
    public bool EvaluationOpen { get; private set; }
    public DateTime CreatedAt { get; set; }
    public List<LivelihoodProject> Projects { get; set; } = [];

    public bool Can(LivelihoodBallotAction action, Actor? actor = null) => Machine.Can(Status, action, actor)
        && (action != LivelihoodBallotAction.OpenEvaluation || !EvaluationOpen) && (action != LivelihoodBallotAction.Evaluate || EvaluationOpen);

    /// <summary>The refusal of a ballot that is not open, as a deputy reads it.</summary>
    public static void RequireCasting(LivelihoodBallotStatus status)
    {
        if (!Machine.Can(status, LivelihoodBallotAction.Cast))
            throw DomainException.Conflict(Machine.Can(status, LivelihoodBallotAction.Open) ? "投票尚未开始。" : "投票已经结束，不能再投票。");
    }

    /// <summary>The government or staff enter a candidate while the ballot is in draft.</summary>
    public LivelihoodProject AddProject(string name, string department, decimal budget, string description)
    {
        Machine.Require(Status, LivelihoodBallotAction.AddProject);
        if (Projects.Count >= 200) throw DomainException.Conflict("候选项目不能超过 200 个。");
        if (Projects.Any(p => p.Name == name)) throw DomainException.Conflict($"候选项目“{name}”已经提交。");
        var p = new LivelihoodProject { Name = name, Department = department, Budget = decimal.Round(budget, 2), Description = description, Order = Projects.Count + 1 };
        Projects.Add(p);
        return p;
    }

    /// <summary>Progress is reported on the projects the ballot adopted, never below the last report.</summary>
    public void ReportProgress(LivelihoodProject project, DateOnly on, int percent, string text)
    {
        if (!Can(LivelihoodBallotAction.ReportProgress) || !project.Adopted) throw DomainException.Conflict("只有票决确定的项目报告实施进度。");
        if (percent is < 0 or > 100) throw DomainException.Invalid("percent", "完成进度应为 0–100。");
        if (project.Progress.Count > 0 && percent < project.Progress.Max(p => p.PercentDone))
            throw DomainException.Invalid("percent", $"完成进度不能低于上次报告的 {project.Progress.Max(p => p.PercentDone)}%。");
        project.Progress.Add(new LivelihoodProgress { ReportedOn = on, PercentDone = percent, Text = text });
    }

    /// <summary>Refuses an evaluation before the year-end evaluation opens, or of a project the ballot did not adopt.</summary>
    public void RequireEvaluation(LivelihoodProject project)
    {
        if (!Can(LivelihoodBallotAction.Evaluate)) throw DomainException.Conflict("年终满意度测评尚未开始。");
        if (!project.Adopted) throw DomainException.Conflict("只对票决确定的项目进行测评。");
    }

    public void Open(DateTime now, int eligible)
    {
        Machine.Require(Status, LivelihoodBallotAction.Open);
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
        Machine.Require(Status, LivelihoodBallotAction.Close);
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
        Machine.Require(Status, LivelihoodBallotAction.OpenEvaluation);
        if (EvaluationOpen) throw DomainException.Conflict("满意度测评已经开始。");
        EvaluationOpen = true;
    }
}
