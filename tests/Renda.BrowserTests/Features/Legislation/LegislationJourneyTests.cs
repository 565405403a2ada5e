using Microsoft.Playwright;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Legislation;

/// <summary>
/// Legislation in a real browser: the legislative affairs staff paste a draft, edit the next version as structure, read
/// the comparison table and export it; a citizen comments on an article of the draft out for comment, on a phone.
/// </summary>
public sealed class LegislationJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Draft = """
        海西蒙古族藏族自治州城市绿化条例（草案）
        第一章 总则
        第一条 为了促进城市绿化事业发展，改善生态环境，制定本条例。
        第二条 本州行政区域内城市绿化的规划、建设、保护和管理，适用本条例。
        第二章 建设与保护
        第三条 城市绿地建设应当优先使用乡土树种。
        第四条 任何单位和个人不得擅自占用城市绿地。
        第五条 本条例自公布之日起施行。
        """;

    [Fact]
    public async Task Staff_paste_a_draft_edit_the_next_version_as_structure_compare_and_export()
    {
        var (staff, _) = await SignedInAsync("fagongwei");
        var bills = await BillsPage.OpenAsync(staff.Page);
        var bill = await bills.CreateAsync("海西蒙古族藏族自治州城市绿化条例");
        await Expect(bill.Title).ToHaveTextAsync("海西蒙古族藏族自治州城市绿化条例");
        (await bill.PasteRefusedAsync("城市绿化条例\n第一条 目的。\n第三条 跳过了第二条。")).ShouldBe(400);
        await Expect(bill.Error).ToContainTextAsync("第3行");

        var v1 = await bill.PasteAsync(Draft);
        await Expect(v1.ArticleCount).ToHaveTextAsync("5");
        await Expect(v1.Labels).ToHaveTextAsync(["第一条", "第二条", "第三条", "第四条", "第五条"]);
        await SnapAsync(staff, "1-version");

        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "海西蒙古族藏族自治州城市绿化条例" }).First.ClickAsync();
        var v2 = await new BillPage(staff.Page).DeriveFromAsync("草案");
        await v2.InsertAfterAsync("第一条", "城市绿化应当坚持政府主导、社会参与、属地管理。");
        await Expect(v2.Message).ToContainTextAsync("重新编排");
        await Expect(v2.Labels).ToHaveTextAsync(["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]);
        await Expect(v2.Article("第二条")).ToContainTextAsync("政府主导");
        await v2.RewordAsync("第四条", "城市绿地建设应当优先使用乡土树种，节约用水。");
        await v2.DeleteAsync("第五条");
        await v2.MoveAfterAsync("第一条", "第二条 之后");
        await Expect(v2.Article("第一条")).ToContainTextAsync("政府主导");
        await Expect(v2.Article("第二条")).ToContainTextAsync("为了促进城市绿化事业发展");
        await SnapAsync(staff, "2-edited");

        var compare = await v2.CompareWithParentAsync();
        await Expect(compare.Summary).ToContainTextAsync("修改 1 条，新增 1 条，删除 1 条");
        await Expect(compare.Row("Inserted")).ToContainTextAsync("政府主导");
        await Expect(compare.Row("Deleted")).ToContainTextAsync("任何单位和个人不得擅自占用城市绿地");
        await Expect(compare.Row("Changed").Locator("mark.cmp-ins")).ToHaveTextAsync("，节约用水");
        await compare.GiveReasonAsync("Changed", "落实节水优先方针。");
        await Expect(compare.Row("Changed")).ToContainTextAsync("落实节水优先方针。");
        await SnapAsync(staff, "3-comparison");
        await CspShouldBeCleanAsync(staff);

        var docx = await staff.Page.APIRequest.GetAsync(await compare.Export.GetAttributeAsync("href") ?? "");
        docx.Status.ShouldBe(200);
        docx.Headers["content-type"].ShouldStartWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await docx.BodyAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task A_citizen_comments_on_an_article_of_the_draft_on_a_phone_without_signing_in()
    {
        // The citizen finds the draft out for comment (the demo's water resources bill) on the public list.
        var citizen = await OpenAsync("citizen", phone: true);
        await PageObject.VisitAsync(citizen.Page, "/legislation/public/comments");
        await citizen.Page.GetByRole(AriaRole.Link, new() { Name = "《海西蒙古族藏族自治州柴达木盆地水资源保护条例》" }).ClickAsync();
        var draft = new PublicDraftPage(citizen.Page);
        await Expect(draft.Title).ToContainTextAsync("柴达木盆地水资源保护条例");
        await Expect(draft.Status).ToHaveTextAsync("正在征求意见");
        await ShouldFitThePhoneAsync(draft);
        (await draft.CommentRefusedAsync("第九条", "<script>alert('x')</script>")).ShouldBe(400);
        await Expect(draft.Error).ToContainTextAsync("不能包含网页标记或脚本");
        await draft.CommentAsync("第九条", "建议对节水器具的安装给予补贴。", "李女士");
        await Expect(draft.Message).ToContainTextAsync("第九条");
        await ShouldFitThePhoneAsync(draft);
        await SnapAsync(citizen, "1-commented");
        await CspShouldBeCleanAsync(citizen);

        // The comment is in the staff's summary under its article.
        var (staff, _) = await SignedInAsync("fagongwei");
        await PageObject.VisitAsync(staff.Page, "/legislation/comments");
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "海西蒙古族藏族自治州柴达木盆地水资源保护条例" }).ClickAsync();
        await Expect(staff.Page.GetByTestId("comment").Filter(new() { HasText = "节水器具" })).ToContainTextAsync("社会公众（李女士）");
    }

    [Fact]
    public async Task Province_staff_read_the_years_figures_and_the_regulation_passed_after_three_readings()
    {
        var (staff, shell) = await SignedInAsync("qh-staff");
        await shell.GotoAsync("/legislation/statistics?year=2024");
        await Expect(staff.Page.GetByTestId("total")).ToHaveTextAsync("21");
        await Expect(staff.Page.GetByTestId("approved")).ToHaveTextAsync("38");
        await SnapAsync(staff, "1-statistics");
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = "青海省国家生态文明高地建设条例" }).ClickAsync();
        var bill = new BillPage(staff.Page);
        await Expect(bill.Title).ToHaveTextAsync("青海省国家生态文明高地建设条例");
        await Expect(staff.Page.GetByTestId("readings")).ToContainTextAsync("三审（表决稿）");
        await SnapAsync(staff, "2-bill");
        await bill.Versions.Filter(new() { HasText = "二审稿" }).GetByTestId("compare-link").ClickAsync();
        var compare = new ComparePage(staff.Page);
        await Expect(compare.Row("Deleted")).ToContainTextAsync("与清洁生产促进法重复，删去。");
        await Expect(compare.Row("Moved")).ToHaveCountAsync(1);
        await SnapAsync(staff, "3-comparison");
        await shell.GotoAsync("/legislation/approvals?year=2024");
        await Expect(staff.Page.GetByTestId("approved-count")).ToHaveTextAsync("38");
        await SnapAsync(staff, "4-approvals");
        await CspShouldBeCleanAsync(staff);
    }
}
