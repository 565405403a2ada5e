using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Features.Legislation;

/// <summary>
/// Once the filing module registers its receiver, promulgation hands the regulation over in the same transaction and the
/// 30-day clock is met. The receiver here is the smallest implementation of the contract (the filing module's is merged later).
/// </summary>
public abstract class FilingHandoverTests(RendaApp app)
{
    private sealed class Receiver : IUpwardFilingReceiver
    {
        public List<UpwardFiling> Received { get; } = [];

        public Task<int> ReceiveAsync(RendaDbContext db, UpwardFiling filing, CancellationToken ct)
        {
            Received.Add(filing);
            return Task.FromResult(9000 + Received.Count);
        }
    }

    [Fact]
    public async Task A_registered_receiver_gets_the_promulgated_regulation_and_the_filing_clock_is_met()
    {
        var receiver = new Receiver();
        using var withReceiver = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IUpwardFilingReceiver>(receiver)));
        var staff = await withReceiver.ApiClientAsync("qh-staff");
        var bill = (await staff.CreateBillAsync("青海省城市绿化条例", code: LegislationSteps.Qinghai)).Id();
        await staff.AddVersionAsync(bill, LegislationSteps.Draft.Replace("海西蒙古族藏族自治州", "青海省", StringComparison.Ordinal));
        await using (var scope = app.Db())
        {
            // Adopted at a meeting already (the vote itself is ReadingTests' subject).
            var b = await scope.Context.Set<Bill>().SingleAsync(x => x.Id == bill);
            b.Status = BillStatus.Adopted;
            b.PassedOn = MeetingSteps.Today;
            await scope.Context.SaveChangesAsync();
        }
        await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 99, promulgatedOn = MeetingSteps.Today.Iso() }).DoneAsync();

        var filing = receiver.Received.ShouldHaveSingleItem();
        filing.Title.ShouldBe("青海省城市绿化条例");
        filing.DocumentNumber.ShouldBe("公告第99号");
        filing.IssuingOrgan.ShouldBe("青海省人大常委会");
        filing.Text.ShouldContain("第五条 本条例自公布之日起施行。");
        filing.SourceType.ShouldBe("Bill");
        filing.SourceId.ShouldBe(bill);
        var detail = await staff.BillAsync(bill);
        detail.GetProperty("filings")[0].GetProperty("receiverFilingId").GetInt32().ShouldBe(9001);
        await using (var scope = app.Db())
        {
            var clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == Bills.FilingSubject && d.SubjectId == bill.ToString(System.Globalization.CultureInfo.InvariantCulture));
            clock.Status.ShouldBe(DeadlineStatus.Met);
            clock.Rule.ShouldContain("三十日");
            (await scope.Context.Congresses.Where(c => c.Id == filing.ToCongressId).Select(c => c.Code).SingleAsync()).ShouldBe("100000");
        }
    }
}

public sealed class FilingHandoverTests_Sqlite(SqliteApp app) : FilingHandoverTests(app), IClassFixture<SqliteApp>;
public sealed class FilingHandoverTests_Postgres(PostgresApp app) : FilingHandoverTests(app), IClassFixture<PostgresApp>;
