using Renda.Web.Platform.People;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Renda.Web.Features.Deputies;

/// <summary>
/// 履职积分: the points one duty record of a kind is worth in a congress. A congress's administrator sets them; a congress that
/// has not yet set a kind gets <see cref="DutyPoints.Defaults"/>, written as rows the first time the congress's weights are read,
/// so the yearly score is one GROUP BY over the duty records joined with this table (decision: a table, not a settings class,
/// because the points query joins it per congress).
/// </summary>
public class DutyPointWeight
{
    public int Id { get; set; }
    public int CongressId { get; set; }
    [MaxLength(30)] public required string Kind { get; set; }
    public double Weight { get; set; }
}

public sealed record DutyPointWeightView(string Kind, double Weight);

/// <summary>The default points per kind of duty record, and the rule shown with the archive.</summary>
public static class DutyPoints
{
    /// <summary>
    /// What the deputy initiates and writes (a suggestion led, an interpellation, the report to the voters) weighs most: 3;
    /// a day of organised duty (attending a session, an inspection, a survey, a reception): 2; taking part in someone else's
    /// initiative or a single act (co-signing, a ballot, a training, a forum, a comment): 1; a contact record, short and
    /// frequent: 0.5. A question asked at a special inquiry is prepared and put in a formal sitting: 2, like an inspection;
    /// taking part in a contact point's consultation on a draft is a comment on a draft made through the point: 1. An absence is recorded but earns nothing (weights are never negative: the archive records, it does not punish).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> Defaults = new Dictionary<string, double>
    {
        [DutyKinds.MeetingAttendance] = 2, [DutyKinds.MeetingAbsence] = 0, [DutyKinds.Inspection] = 2, [DutyKinds.DeputyInspection] = 2,
        [DutyKinds.Survey] = 2, [DutyKinds.InquiryQuestion] = 2, [DutyKinds.Interpellation] = 3, [DutyKinds.DraftComment] = 1,
        [DutyKinds.SuggestionLead] = 3, [DutyKinds.SuggestionCoSigner] = 1, [DutyKinds.LivelihoodBallot] = 1, [DutyKinds.Reception] = 2,
        [DutyKinds.OpinionHandled] = 1, [DutyKinds.Training] = 1, [DutyKinds.Forum] = 1, [DutyKinds.Contact] = 0.5,
        [DutyKinds.JointInspection] = 2, [DutyKinds.ContactPointConsultation] = 1, [DutyKinds.DutyReport] = 3,
    };

    public const double MaxWeight = 100;

    public const string Rule = "每条履职记录按其类别计分，年度积分为当年（按履职日期）各条记录分值之和，在本级人大代表中排名。"
        + "分值由本级人大常委会确定：主动提出并形成书面成果的（领衔建议、质询、述职）分值最高，组织开展的一天履职活动（列席、视察、调研、接待、专题询问发言）次之，"
        + "参与他人发起的活动或单项行为（附议、票决、培训、论坛、基层立法联系点征求意见）再次，联系记录次数多、用时短，分值最低；请假缺席只记录、不计分。分值不得为负。";

    public static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The congress's weights, the defaults written as rows for any kind it has not set (so the points query can join them).</summary>
    public static async Task<List<DutyPointWeightView>> WeightsAsync(RendaDbContext db, int congressId, CancellationToken ct = default)
    {
        var rows = await db.Set<DutyPointWeight>().AsNoTracking().Where(w => w.CongressId == congressId).ToDictionaryAsync(w => w.Kind, w => w.Weight, ct);
        if (DutyKinds.All.Any(k => !rows.ContainsKey(k)))
        {
            await EnsureAsync(db, [congressId], ct);
            rows = await db.Set<DutyPointWeight>().AsNoTracking().Where(w => w.CongressId == congressId).ToDictionaryAsync(w => w.Kind, w => w.Weight, ct);
        }
        return DutyKinds.All.Select(k => new DutyPointWeightView(k, rows[k])).ToList();
    }

    /// <summary>Writes the default weight of every kind a congress has no row for.</summary>
    public static async Task EnsureAsync(RendaDbContext db, IReadOnlyCollection<int> congressIds, CancellationToken ct = default)
    {
        var have = await db.Set<DutyPointWeight>().Where(w => congressIds.Contains(w.CongressId)).Select(w => new { w.CongressId, w.Kind }).ToListAsync(ct);
        var set = have.Select(h => (h.CongressId, h.Kind)).ToHashSet();
        var missing = congressIds.SelectMany(c => DutyKinds.All.Where(k => !set.Contains((c, k))).Select(k => new DutyPointWeight { CongressId = c, Kind = k, Weight = Defaults[k] })).ToList();
        if (missing.Count == 0) return;
        db.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two readers wrote the defaults at once: the other's rows stand.
            foreach (var m in missing) db.Entry(m).State = EntityState.Detached;
        }
    }

    /// <summary>Sets a congress's weights: every kind must be given, none negative; nothing is written unless all are valid.</summary>
    public static async Task SaveAsync(RendaDbContext db, DutyArchiveActor actor, IReadOnlyDictionary<string, double?>? weights, CancellationToken ct)
    {
        actor.RequireAdministrator();
        if (weights is null) throw DomainException.Invalid("weights", "请填写各类履职记录的分值。");
        foreach (var key in weights.Keys.Where(k => !DutyKinds.All.Contains(k)))
            throw DomainException.Invalid($"weights[{key}]", $"“{key}”不是履职记录的类别。");
        foreach (var kind in DutyKinds.All)
        {
            if (!weights.TryGetValue(kind, out var w) || w is null)
                throw DomainException.Invalid($"weights[{kind}]", $"请填写“{kind}”的分值。");
            if (w < 0 || double.IsNaN(w.Value))
                throw DomainException.Invalid($"weights[{kind}]", $"“{kind}”的分值不能为负数。");
            if (w > MaxWeight)
                throw DomainException.Invalid($"weights[{kind}]", $"“{kind}”的分值不能超过 {MaxWeight}。");
        }
        await EnsureAsync(db, [actor.CongressId], ct);
        foreach (var row in await db.Set<DutyPointWeight>().Where(w => w.CongressId == actor.CongressId).ToListAsync(ct))
            row.Weight = Math.Round(weights[row.Kind]!.Value, 2);
        await db.SaveChangesAsync(ct);
    }
}
