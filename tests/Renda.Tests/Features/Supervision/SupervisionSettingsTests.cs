using System.Net;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;

namespace Renda.Tests.Features.Supervision;

/// <summary>The configurable rules of DOMAIN.md §5, changed by the administrator on /admin/supervision-settings, apply to clocks started afterwards and to appraisals opened afterwards.</summary>
public abstract class SupervisionSettingsTests(RendaApp app)
{
    private static Dictionary<string, string> Form(int handlingMonths = 3, string choices = "满意|基本满意|不满意", int committeeLead = 20) => new()
    {
        ["S.CommitteeLeadDays"] = committeeLead.ToString(System.Globalization.CultureInfo.InvariantCulture), ["S.StandingCommitteeLeadDays"] = "10", ["S.MembersLeadDays"] = "7",
        ["S.OpinionsSendDays"] = "5", ["S.HandlingReportMonths"] = handlingMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), ["S.AuditRectificationMonths"] = "6",
        ["S.AppraisalChoices"] = choices,
    };

    [Fact]
    public async Task The_administrator_sets_the_opinion_and_handling_periods_and_the_appraisal_choices()
    {
        var admin = await app.BrowserClientAsync("sysadmin");
        var bad = await admin.PostFormAsync("/admin/supervision-settings", Form(choices: "好"));
        (await bad.Content.ReadAsStringAsync()).ShouldContain("测评等次至少两项");
        var outOfRange = await admin.PostFormAsync("/admin/supervision-settings", Form(committeeLead: 5));
        (await outOfRange.Content.ReadAsStringAsync()).ShouldContain("依次不增");
        var saved = await admin.PostFormAsync("/admin/supervision-settings", Form(handlingMonths: 2, choices: "优秀|称职|基本称职|不称职"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        (await (await app.BrowserClientAsync("daigongwei")).GetAsync("/admin/supervision-settings")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var staff = await app.ApiClientAsync("daigongwei");
        var organ = await app.ApiClientAsync("jiaoyuju");
        var (id, _) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"), "州教育局关于全州教师队伍建设情况的报告");
        (await staff.ReportAsync(id)).Clock("opinions").Str("rule").ShouldContain("5日内");
        await staff.ReportStepAsync(id, "opinions", new { opinions = "意见" }).DoneAsync();
        var handling = (await staff.ReportAsync(id)).Clock("handling");
        handling.Str("rule").ShouldContain("2个月内");
        // Two months from 2026-11-16 is Saturday 2027-01-16: the period runs to the next working day.
        handling.Str("dueOn").ShouldBe("2027-01-18");

        var review = (await staff.GetJsonAsync($"{SupervisionSteps.Root}/appraisals")).EnumerateArray().First(r => r.Str("status") == "Appraising");
        review.GetProperty("choices").EnumerateArray().Select(c => c.GetString()).ShouldBe(["满意", "基本满意", "不满意"], "a round already open keeps its choices");
    }
}

public sealed class SupervisionSettingsTests_Sqlite(SqliteApp app) : SupervisionSettingsTests(app), IClassFixture<SqliteApp>;
public sealed class SupervisionSettingsTests_Postgres(PostgresApp app) : SupervisionSettingsTests(app), IClassFixture<PostgresApp>;
