using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Legislation;

namespace Renda.Tests.Features.Legislation;

/// <summary>The legislation rules of a congress, set by its administrator on /admin/legislation-settings, govern the clocks started afterwards.</summary>
public abstract class LegislationSettingsTests(RendaApp app)
{
    public static Dictionary<string, string> Form(int commentMinDays = 30, int filingDays = 30, int approvalMonths = 4, int perAddressPerHour = 5, int maxLength = 2000) => new()
    {
        ["S.CommentMinDays"] = commentMinDays.ToString(CultureInfo.InvariantCulture), ["S.FilingDays"] = filingDays.ToString(CultureInfo.InvariantCulture),
        ["S.ApprovalMonths"] = approvalMonths.ToString(CultureInfo.InvariantCulture), ["S.CommentsPerAddressPerHour"] = perAddressPerHour.ToString(CultureInfo.InvariantCulture),
        ["S.CommentMaxLength"] = maxLength.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_administrator_shortens_the_filing_period_and_the_next_promulgation_runs_on_it()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        var outOfRange = await admin.PostFormAsync("/admin/legislation-settings", Form(filingDays: 0));
        (await outOfRange.Content.ReadAsStringAsync()).ShouldContain("须在 1 到 90 之间");
        (await (await app.BrowserClientAsync("fagongwei")).GetAsync("/admin/legislation-settings")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var saved = await admin.PostFormAsync("/admin/legislation-settings", Form(filingDays: 23));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        try
        {
            // A Haixi regulation adopted and approved by the province (the vote and the approval are ReadingTests' subject).
            var staff = await app.ApiClientAsync("fagongwei");
            var bill = (await staff.CreateBillAsync("海西蒙古族藏族自治州城市绿化条例（备案期限）")).Id();
            await staff.AddVersionAsync(bill);
            await using (var scope = app.Db())
            {
                var b = await scope.Context.Set<Bill>().SingleAsync(x => x.Id == bill);
                b.StartReview(MeetingSteps.Today);
                b.Decide(true, MeetingSteps.Today, null);
                b.SubmitForApproval();
                b.ApprovalDecided(true);
                await scope.Context.SaveChangesAsync();
            }
            await staff.PostJsonAsync($"/api/v1/bills/{bill}/promulgate", new { announcementNumber = 88, promulgatedOn = MeetingSteps.Today.Iso() }).DoneAsync();
            await using (var scope = app.Db())
            {
                var clock = await scope.Context.Deadlines.SingleAsync(d => d.SubjectType == LegislationClocks.FilingSubject && d.SubjectId == bill.ToString(CultureInfo.InvariantCulture));
                // 23 days from Monday 2026-11-16 is Wednesday 2026-12-09 (30 would be 2026-12-16).
                clock.DueOn.ShouldBe(MeetingSteps.Today.AddDays(23));
                clock.Rule.ShouldContain("二十三日");
                clock.Purpose.ShouldBe(LegislationClocks.Purposes.Filing.Key);
            }
        }
        finally
        {
            await admin.PostFormAsync("/admin/legislation-settings", Form());
        }
    }
}

public sealed class LegislationSettingsTests_Sqlite(SqliteApp app) : LegislationSettingsTests(app), IClassFixture<SqliteApp>;
public sealed class LegislationSettingsTests_Postgres(PostgresApp app) : LegislationSettingsTests(app), IClassFixture<PostgresApp>;
