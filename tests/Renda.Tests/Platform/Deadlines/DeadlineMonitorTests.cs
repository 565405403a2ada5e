using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Deadlines;
using static Renda.Tests.Platform.Deadlines.DeadlineScenario;

namespace Renda.Tests.Platform.Deadlines;

/// <summary>
/// The monitor moved through a deadline's life with the test clock: reminder, overdue, escalation
/// to the committee and to the Council of Chairpersons — each notified exactly once, across repeated
/// runs and a "restarted" monitor (a new instance: all state is in the database).
/// </summary>
public abstract class DeadlineMonitorTests(RendaApp app)
{
    private DeadlineMonitor Monitor => app.Services.GetRequiredService<DeadlineMonitor>();

    /// <summary>Runs the monitor twice at the same moment, as the timer and a restart might.</summary>
    private async Task RunTwiceAtAsync(string day)
    {
        app.Clock.Set(At(day));
        await Monitor.RunOnceAsync(app.Clock.GetUtcNow());
        await ActivatorUtilities.CreateInstance<DeadlineMonitor>(app.Services).RunOnceAsync(app.Clock.GetUtcNow());
    }

    private async Task<Dictionary<string, List<string>>> NotificationsAsync(int deadlineId)
    {
        await using var scope = app.Db();
        var link = $"/deadlines?id={deadlineId}";
        var rows = await scope.Context.Notifications.Where(n => n.Link == link)
            .Join(scope.Context.Accounts, n => n.AccountId, a => a.Id, (n, a) => new { a.UserName, n.Title }).ToListAsync();
        return rows.GroupBy(r => r.UserName).ToDictionary(g => g.Key, g => g.Select(r => r.Title).ToList());
    }

    [Fact]
    public async Task Reminds_marks_overdue_and_escalates_step_by_step_each_notified_once()
    {
        app.Clock.Set(At("2026-11-16"));
        var id = await StartAsync(app, "监测-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 5);
        (await LoadAsync(app, id)).DueOn.ShouldBe(D("2026-11-23"));

        await RunTwiceAtAsync("2026-11-16"); // 5 working days left: nothing yet
        (await NotificationsAsync(id)).ShouldBeEmpty();

        await RunTwiceAtAsync("2026-11-18"); // 11-19, 11-20, 11-23: three left
        var reminded = await NotificationsAsync(id);
        reminded.Keys.ShouldBe(["jiaoyuju"]);
        reminded["jiaoyuju"].ShouldHaveSingleItem().ShouldStartWith("期限将至（还剩 3 个工作日）");

        await RunTwiceAtAsync("2026-11-24"); // the day after the due date
        var overdue = await LoadAsync(app, id);
        overdue.Status.ShouldBe(DeadlineStatus.Overdue);
        overdue.EscalationLevel.ShouldBe(1);
        var afterOverdue = await NotificationsAsync(id);
        afterOverdue.Keys.ShouldBe(["jiaoyuju"]);
        afterOverdue["jiaoyuju"].Count.ShouldBe(2);
        afterOverdue["jiaoyuju"].ShouldContain(t => t.StartsWith("期限已逾期", StringComparison.Ordinal));

        await RunTwiceAtAsync("2026-11-27"); // 4 working days overdue: still the unit's matter
        (await LoadAsync(app, id)).EscalationLevel.ShouldBe(1);

        await RunTwiceAtAsync("2026-11-30"); // 5 working days overdue: the owning committee
        (await LoadAsync(app, id)).EscalationLevel.ShouldBe(2);
        var level2 = await NotificationsAsync(id);
        level2["daigongwei"].ShouldHaveSingleItem().ShouldStartWith("逾期督办");
        level2.ShouldNotContainKey("fagongwei"); // another committee's staff
        level2.ShouldNotContainKey("zhuren");

        await RunTwiceAtAsync("2026-12-07"); // 10 working days overdue: the Council of Chairpersons
        (await LoadAsync(app, id)).EscalationLevel.ShouldBe(3);
        var all = await NotificationsAsync(id);
        all["zhuren"].ShouldHaveSingleItem().ShouldStartWith("逾期提请主任会议");
        all["jiaoyuju"].Count.ShouldBe(2);
        all["daigongwei"].Count.ShouldBe(1);
        all.Values.Sum(v => v.Count).ShouldBe(4);

        await RunTwiceAtAsync("2026-12-21"); // nothing above level 3
        (await NotificationsAsync(id)).Values.Sum(v => v.Count).ShouldBe(4);
    }

    [Fact]
    public async Task A_monitor_that_was_down_catches_up_one_step_at_a_time()
    {
        app.Clock.Set(At("2026-12-07"));
        // Due 2026-10-14 (Saturday 10-10 is worked), long past: overdue, then committee, then council — every step notified once.
        var id = await StartAsync(app, "补查-" + app.Provider, D("2026-10-08"), PeriodUnit.WorkingDays, 5);
        // The app's own monitor may get there first on a busy machine, so the state is asserted, not this run's counter.
        await Monitor.RunOnceAsync(app.Clock.GetUtcNow());
        var deadline = await LoadAsync(app, id);
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
        deadline.EscalationLevel.ShouldBe(3);
        var sent = await NotificationsAsync(id);
        sent["jiaoyuju"].ShouldHaveSingleItem();
        sent["daigongwei"].ShouldHaveSingleItem();
        sent["zhuren"].ShouldHaveSingleItem();
        await Monitor.RunOnceAsync(app.Clock.GetUtcNow());
        (await NotificationsAsync(id)).Values.Sum(v => v.Count).ShouldBe(3);
    }

    [Fact]
    public async Task A_finished_deadline_is_left_alone()
    {
        app.Clock.Set(At("2026-11-16"));
        var id = await StartAsync(app, "已办结-" + app.Provider, D("2026-11-16"), PeriodUnit.WorkingDays, 1);
        await using (var scope = app.Db())
        {
            var deadline = await scope.Context.Deadlines.FirstAsync(d => d.Id == id);
            Renda.Web.Platform.Deadlines.Deadlines.Complete(scope.Context, deadline);
            await scope.Context.SaveChangesAsync();
        }
        await RunTwiceAtAsync("2026-12-21");
        (await LoadAsync(app, id)).Status.ShouldBe(DeadlineStatus.Met);
        (await NotificationsAsync(id)).ShouldBeEmpty();
    }
}

public sealed class DeadlineMonitorTests_Sqlite(SqliteApp app) : DeadlineMonitorTests(app), IClassFixture<SqliteApp>;
public sealed class DeadlineMonitorTests_Postgres(PostgresApp app) : DeadlineMonitorTests(app), IClassFixture<PostgresApp>;
