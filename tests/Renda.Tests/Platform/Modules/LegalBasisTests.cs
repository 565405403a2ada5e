using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Reflection;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Features.Supervision;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;
using Renda.Web.Features.Supervision;
using Renda.Web.Platform.Modules;

namespace Renda.Tests.Platform.Modules;

/// <summary>
/// Issue #20 item 5: a clock's legal basis is a setting of its congress — the national law by default, the congress's own
/// regulation where its administrator names it — and no default cites another province's rule as binding.
/// </summary>
public abstract class LegalBasisTests(RendaApp app)
{
    /// <summary>Every province-level name but 青海 (the demo's own province, whose rules the demo congresses may cite).</summary>
    private static readonly string[] OtherProvinces =
    [
        "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
        "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "宁夏", "新疆", "香港", "澳门", "台湾", "青岛", "深圳", "厦门",
    ];

    /// <summary>The defaults of every module's settings (each <c>…Basis</c> and any other text) and every constant a clock class cites.</summary>
    private static IEnumerable<(string Where, string Text)> DefaultBases()
    {
        var web = typeof(CongressSettings).Assembly;
        foreach (var type in web.GetTypes().Where(t => t.IsSubclassOf(typeof(CongressSettings)) && !t.IsAbstract))
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var p in type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
                yield return ($"{type.Name}.{p.Name}", (string)p.GetValue(defaults)!);
        }
        foreach (var type in web.GetTypes().Where(t => t.Name.EndsWith("Clocks", StringComparison.Ordinal) || t.Name == "Oath"))
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                yield return ($"{type.Name}.{f.Name}", (string)f.GetRawConstantValue()!);
    }

    [Fact]
    public void No_default_basis_names_another_province()
    {
        var bases = DefaultBases().ToList();
        bases.Count(b => b.Where.EndsWith("Basis", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(20, "every module's clocks have their basis in the settings");
        bases.Where(b => OtherProvinces.Any(b.Text.Contains)).Select(b => $"{b.Where}: {b.Text}").ShouldBeEmpty();
        // A default cites national law: no regulation of any province or city (省…条例/办法/规定, 市…) is a default either.
        bases.Where(b => b.Where.EndsWith("Basis", StringComparison.Ordinal) && (b.Text.Contains("省") || b.Text.Contains("市"))).Select(b => $"{b.Where}: {b.Text}").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_basis_the_administrator_names_is_cited_by_clocks_started_afterwards_and_running_clocks_keep_theirs()
    {
        const string local = "海西州人大常委会关于专项工作报告审议意见办理的规定 第九条";
        var admin = await app.BrowserClientAsync("sysadmin");
        var empty = await admin.PostFormAsync("/admin/supervision-settings", Form(opinionsBasis: " "));
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请填写法律依据");
        var tooLong = await admin.PostFormAsync("/admin/supervision-settings", Form(opinionsBasis: new string('法', 201)));
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("不能超过 200 字");
        var form = await admin.GetStringAsync("/admin/supervision-settings");
        form.ShouldContain("期限的法律依据");
        form.ShouldContain("value=\"监督法第十七条；期限按本级人大常委会规定\"");
        try
        {
            (await (await admin.PostFormAsync("/admin/supervision-settings", Form(opinionsBasis: local))).Content.ReadAsStringAsync()).ShouldContain("已保存");
            var staff = await app.ApiClientAsync("daigongwei");
            var organ = await app.ApiClientAsync("jiaoyuju");
            var (id, _) = await staff.HeardReportAsync(organ, await app.UnitIdAsync("海西州教育局"), "州教育局关于全州学前教育发展情况的报告");
            (await staff.ReportAsync(id)).Clock("opinions").Str("source").ShouldBe(local);

            // The clock is a record: a later change of the setting does not rewrite the basis it started with.
            (await (await admin.PostFormAsync("/admin/supervision-settings", Form())).Content.ReadAsStringAsync()).ShouldContain("已保存");
            (await staff.ReportAsync(id)).Clock("opinions").Str("source").ShouldBe(local);
        }
        finally
        {
            await admin.PostFormAsync("/admin/supervision-settings", Form());
        }
    }

    [Fact]
    public async Task The_demo_congress_cites_Qinghais_rule_on_suggestions()
    {
        await using var scope = app.Db();
        var haixi = await scope.Context.Congresses.SingleAsync(c => c.Code == SuggestionDemo.CongressCode);
        var st = await Settings.ForAsync<SuggestionSettings>(scope.Context, haixi.Id);
        st.AnswerBasis.ShouldContain(SuggestionDemo.QinghaiRule);
        SuggestionClocks.Answer(st, "2026-001", 1).Source.ShouldBe(st.AnswerBasis);
    }

    private static Dictionary<string, string> Form(string? opinionsBasis = null)
    {
        var defaults = new SupervisionSettings();
        return new()
        {
            ["S.CommitteeLeadDays"] = "20", ["S.StandingCommitteeLeadDays"] = "10", ["S.MembersLeadDays"] = "7", ["S.OpinionsSendDays"] = "7",
            ["S.HandlingReportMonths"] = "3", ["S.AuditRectificationMonths"] = "6", ["S.AppraisalChoices"] = defaults.AppraisalChoices,
            ["S.LeadBasis"] = defaults.LeadBasis, ["S.OpinionsBasis"] = opinionsBasis ?? defaults.OpinionsBasis, ["S.AuditBasis"] = defaults.AuditBasis,
        };
    }
}

public sealed class LegalBasisTests_Sqlite(SqliteApp app) : LegalBasisTests(app), IClassFixture<SqliteApp>;
public sealed class LegalBasisTests_Postgres(PostgresApp app) : LegalBasisTests(app), IClassFixture<PostgresApp>;
