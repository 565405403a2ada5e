using Renda.Web.Platform.Demo;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The demo's warning history, replayed through the workflow with the story's dates (Haixi 2023): three answered and closed,
/// one answered, rejected, answered again and closed, one sent and never answered (its clock long past), one dismissed; the
/// rest still wait for the staff's check. Runs after the demo's data load raised the warnings; with none (or once replayed)
/// it does nothing.
/// </summary>
public static class BudgetWarningDemo
{
    public const string Congress = "632800";
    public const int Year = 2023;

    public static async Task ReplayAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        var congress = await db.Congresses.AsNoTracking().Where(c => c.Code == Congress).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (congress is not { } c) return;
        var warnings = await db.Set<BudgetWarning>().AsNoTracking().Where(w => w.CongressId == c && w.Year == Year).OrderBy(w => w.Rule).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Rule, w.Status, w.BudgetUnitId }).ToListAsync(ct);
        if (warnings.Count == 0 || warnings.Any(w => w.Status != BudgetWarningStatus.Raised)) return;

        var staffAccount = await db.Accounts.Where(a => a.CongressId == c && a.Roles.Any(r => r.Role == Role.CommitteeStaff)).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (staffAccount is not { } staffId) return;
        var staff = new BudgetActor(staffId, c, [], ActorKinds.Staff);

        // One warning per rule in the story's order, so each outcome shows on a different kind of anomaly.
        var byRule = warnings.GroupBy(w => w.Rule).Select(g => g.First().Id).ToList();
        var plan = new Queue<int>(byRule.Concat(warnings.Select(w => w.Id).Except(byRule)));
        async Task<(int Id, BudgetActor Officer)?> SendNextAsync(string on)
        {
            while (plan.Count > 0)
            {
                var id = plan.Dequeue();
                try
                {
                    await BudgetWarningWorkflow.SendAsync(db, seed.Calendar, staff, id, D(on), ct);
                }
                catch (DomainException)
                {
                    db.ChangeTracker.Clear(); // a unit with nobody to answer: leave it raised
                    continue;
                }
                var unit = await db.Set<BudgetWarning>().Where(w => w.Id == id).Select(w => w.SentToHandlingUnitId!.Value).SingleAsync(ct);
                var officer = await db.RoleAssignments.Where(r => r.Role == Role.HandlingUnitOfficer && r.HandlingUnitId == unit).Select(r => (int?)r.AccountId).FirstOrDefaultAsync(ct) ?? staffId;
                return (id, new BudgetActor(officer, c, [unit], ActorKinds.UnitOfficer));
            }
            return null;
        }

        string[][] closed = [["2023-07-10", "2023-07-20", "2023-07-25"], ["2023-08-01", "2023-08-11", "2023-08-16"], ["2023-10-09", "2023-10-18", "2023-10-20"]];
        foreach (var (sent, answered, accepted) in closed.Select(x => (x[0], x[1], x[2])))
        {
            if (await SendNextAsync(sent) is not { } w) return;
            await BudgetWarningWorkflow.AnswerAsync(db, w.Officer, w.Id, "经核查，情况属实。已按规定整改：追回款项、补办手续，并完善内部审批制度。", "已整改到位，相关凭证已上传。", D(answered), ct);
            await BudgetWarningWorkflow.AcceptAsync(db, staff, w.Id, "答复和整改情况属实，予以销号。", D(accepted), ct);
        }
        if (await SendNextAsync("2023-09-04") is { } r)
        {
            await BudgetWarningWorkflow.AnswerAsync(db, r.Officer, r.Id, "该笔支付系项目调整所致，将尽快补办指标调整手续。", null, D("2023-09-12"), ct);
            await BudgetWarningWorkflow.RejectAsync(db, seed.Calendar, staff, r.Id, "答复未说明资金来源，也未提供指标调整文件，请补充并整改。", D("2023-09-14"), ct);
            await BudgetWarningWorkflow.AnswerAsync(db, r.Officer, r.Id, "已取得州财政局追加指标文件，超出部分已调整至追加指标。", "已补办指标调整，附追加指标文件。", D("2023-09-26"), ct);
            await BudgetWarningWorkflow.AcceptAsync(db, staff, r.Id, "补充材料齐全，予以销号。", D("2023-09-28"), ct);
        }
        await SendNextAsync("2023-11-06"); // never answered: its reply clock ran out in November 2023
        if (plan.Count > 0)
            await BudgetWarningWorkflow.DismissAsync(db, staff, plan.Dequeue(), "经核实，系年初预算批复后按规定程序执行的正常支付，不属于违规情形。", ct);
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
