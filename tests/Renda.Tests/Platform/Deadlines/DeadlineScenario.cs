using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;
using Clocks = Renda.Web.Platform.Deadlines.Deadlines;

namespace Renda.Tests.Platform.Deadlines;

/// <summary>Arranging deadlines as a module would: Deadlines.Start in a scope, then save.</summary>
internal static class DeadlineScenario
{
    public const string Unit = "海西州教育局";
    public const string Committee = "代表人事选举任免工作委员会";

    /// <summary>A clock of the Haixi congress owned by the education bureau (jiaoyuju) and the deputies' committee (daigongwei).</summary>
    public static async Task<int> StartAsync(RendaApp app, string title, DateOnly startsOn, PeriodUnit unit, int amount, bool ownedByUnit = true)
    {
        await using var scope = app.Db();
        var db = scope.Context;
        var congress = await db.Congresses.FirstAsync(c => c.Code == "632800");
        var handlingUnit = await db.HandlingUnits.FirstAsync(u => u.CongressId == congress.Id && u.Name == Unit);
        var committee = await db.Committees.FirstAsync(c => c.CongressId == congress.Id && c.Name == Committee);
        var calendar = await app.Services.GetRequiredService<WorkCalendarCache>().GetAsync(db);
        var clock = new ClockSpec(title, "闭会期间代表建议应自收到之日起10个工作日内交办（测试）", "代表法 第五十一条（测试）", unit, amount, new ClockPurpose("test"));
        var deadline = Clocks.Start(db, calendar, new ClockStart(congress.Id, new ClockSubject("Test", title), clock, startsOn,
            new ClockOwner(HandlingUnitId: ownedByUnit ? handlingUnit.Id : null, CommitteeId: committee.Id)));
        await db.SaveChangesAsync();
        return deadline.Id;
    }

    public static async Task<Deadline> LoadAsync(RendaApp app, int id)
    {
        await using var scope = app.Db();
        return await scope.Context.Deadlines.AsNoTracking().Include(d => d.Extensions).FirstAsync(d => d.Id == id);
    }

    public static async Task<int> AccountIdAsync(RendaApp app, string userName)
    {
        await using var scope = app.Db();
        return await scope.Context.Accounts.Where(a => a.UserName == userName).Select(a => a.Id).FirstAsync();
    }

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Beijing 10:00 on a date, as the clock's instant.</summary>
    public static DateTimeOffset At(string iso) => new(D(iso).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
