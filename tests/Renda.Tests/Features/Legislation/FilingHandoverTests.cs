using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Filings;
using Renda.Web.Features.Legislation;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Legislation;

/// <summary>
/// Promulgation hands the regulation to the filing and review work of the congress above (the filing module's
/// receiver), in the same transaction, and the 30-day clock is met.
/// </summary>
public abstract class FilingHandoverTests(RendaApp app)
{
    [Fact]
    public async Task A_promulgated_regulation_arrives_in_the_upper_congress_filing_work_and_the_filing_clock_is_met()
    {
        var staff = await app.ApiClientAsync("qh-staff");
        var bill = (await staff.CreateBillAsync("青海省城市绿化条例", code: LegislationSteps.Qinghai)).Id();
        await staff.AddVersionAsync(bill, LegislationSteps.Draft.Replace("海西蒙古族藏族自治州", "青海省", StringComparison.Ordinal));
        await using (var scope = app.Db())
        {
            // Adopted at a meeting already (the vote itself is ReadingTests' subject).
            var b = await scope.Context.Set<Bill>().SingleAsync(x => x.Id == bill);
            b.StartReview(MeetingSteps.Today);
            b.Decide(true, MeetingSteps.Today, null);
            await scope.Context.SaveChangesAsync();
        }
        await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 99, promulgatedOn = MeetingSteps.Today.Iso() }).DoneAsync();

        var detail = await staff.BillAsync(bill);
        var filingId = detail.GetProperty("filings")[0].GetProperty("receiverFilingId").GetInt32();
        await using (var scope = app.Db())
        {
            var clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == LegislationClocks.FilingSubject && d.SubjectId == bill.ToString(System.Globalization.CultureInfo.InvariantCulture));
            clock.Status.ShouldBe(DeadlineStatus.Met);
            clock.Rule.ShouldContain("三十日");
            // A filing of the national standing committee, filed by Qinghai's: the national congress has no staff account in
            // the demo, so it is read from the database.
            var filing = await scope.Context.Set<Filing>().SingleAsync(f => f.Id == filingId);
            (await scope.Context.Congresses.Where(c => c.Id == filing.CongressId).Select(c => c.Code).SingleAsync()).ShouldBe("100000");
            filing.FilerType.ShouldBe(FilerType.LowerCongress);
            filing.FilerName.ShouldBe("青海省人大常委会");
            filing.Title.ShouldBe("青海省城市绿化条例");
            filing.DocumentNumber.ShouldBe("公告第99号");
            filing.Text.ShouldContain("第五条 本条例自公布之日起施行。");
            (filing.SourceType, filing.SourceId).ShouldBe(("Bill", bill));
            filing.Status.ShouldBe(FilingStatus.Submitted);
        }
    }
}

public sealed class FilingHandoverTests_Sqlite(SqliteApp app) : FilingHandoverTests(app), IClassFixture<SqliteApp>;
public sealed class FilingHandoverTests_Postgres(PostgresApp app) : FilingHandoverTests(app), IClassFixture<PostgresApp>;
