using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Filings;

/// <summary>
/// Filing and review in a real browser: the government's officer files a document, staff receive it, pass it to the legal
/// committee, examine it against the four standards and archive it; a citizen sends a review suggestion from a phone.
/// </summary>
public sealed class FilingJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task A_filer_files_a_document_and_staff_receive_review_and_archive_it()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string title = "海西州人民政府关于印发海西州城市地下管线管理办法的通知";
        var (filer, _) = await SignedInAsync("zhengfu");
        var form = await FilingFormPage.OpenAsync(filer.Page);
        await SnapAsync(filer, "1-form");
        var mine = await form.FileAsync(title, "西政〔2026〕88号", today.AddDays(-12), "第一条 为了加强城市地下管线管理……\n第二条 本办法适用于……");
        await Expect(mine.Message).ToContainTextAsync("已报送");
        await Expect(mine.Row(title)).ToContainTextAsync("待形式审查");

        var (staff, _) = await SignedInAsync("fagongwei");
        var list = await FilingListPage.OpenAsync(staff.Page, "?status=Submitted");
        await SnapAsync(staff, "2-list");
        var detail = await list.OpenFilingAsync(title);
        await Expect(detail.Status).ToHaveTextAsync("待形式审查");
        await Expect(detail.Clocks.First).ToContainTextAsync("形式审查");
        await Expect(detail.Attachments).ToContainTextAsync("scan.pdf");
        await detail.ReceiveAsync();
        await Expect(detail.Message).ToContainTextAsync("备案回执");
        await Expect(detail.RegistrationNumber).ToContainTextAsync("备〔2026〕");
        await Expect(detail.ReviewStatus).ToHaveTextAsync("待移交专门委员会");
        await detail.PassAsync();
        await Expect(detail.ReviewStatus).ToHaveTextAsync("审查中");
        await Expect(detail.Status).ToHaveTextAsync("审查中");

        await detail.RecordFindingAsync("合宪性", problem: false);
        // Not all four standards examined: closing is refused with the missing ones named.
        (await detail.CloseRefusedAsync()).ShouldBe(409);
        await Expect(detail.Error).ToContainTextAsync("政治性、合法性、适当性");
        foreach (var s in new[] { "政治性", "合法性", "适当性" })
            await detail.RecordFindingAsync(s, problem: false);
        await Expect(detail.Findings).Not.ToContainTextAsync("未审查");
        await SnapAsync(staff, "3-reviewed");
        await detail.CloseAsync("经审查未发现问题，予以归档。");
        await Expect(detail.Status).ToHaveTextAsync("已归档");
        await Expect(detail.ReviewStatus).ToHaveTextAsync("已结束");
        await SnapAsync(staff, "4-archived");
        await CspShouldBeCleanAsync(staff);

        // The filer sees the receipt number.
        mine = await MyFilingsPage.OpenAsync(filer.Page);
        await Expect(mine.Row(title)).ToContainTextAsync("备案回执 备〔2026〕");
        await Expect(mine.Row(title)).ToContainTextAsync("已归档");
    }

    [Fact]
    public async Task A_citizen_sends_a_review_suggestion_from_a_phone_and_reads_its_status_with_the_code()
    {
        var citizen = await OpenAsync("citizen", phone: true);
        var form = await ReviewSuggestionPage.OpenAsync(citizen.Page);
        await ShouldFitThePhoneAsync(form);
        (await form.SendRefusedAsync("<script>alert(1)</script>", "建议审查该办法第九条设定审批的合法性。")).ShouldBe(400);
        await Expect(form.FormError).ToContainTextAsync("含有脚本");
        await form.SendAsync("海西州客运出租汽车管理办法", "第九条设定出租汽车驾驶员州级审批，属于规范性文件设定行政许可，建议审查其合法性。");
        await Expect(form.TrackingCode).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{10}$"));
        await Expect(form.PublicStatus).ToHaveTextAsync("已收到");
        await ShouldFitThePhoneAsync(form);
        await SnapAsync(citizen, "1-received");
        await CspShouldBeCleanAsync(citizen);

        // Staff see it with the proposer's contact and its feedback clocks.
        var (staff, _) = await SignedInAsync("fagongwei");
        await staff.Page.GotoAsync("/filings/suggestions?status=Received");
        var card = staff.Page.GetByTestId("review-suggestion").Filter(new() { HasText = "海西州客运出租汽车管理办法" });
        await Expect(card).ToContainTextAsync("13997005678");
        await Expect(card.GetByTestId("clocks")).ToContainTextAsync("5个工作日内告知建议人补充");
        await SnapAsync(staff, "2-staff");
    }

    [Fact]
    public async Task Staff_read_the_2023_figures_of_the_seed_the_cleanups_and_the_documents_never_filed()
    {
        var (staff, shell) = await SignedInAsync("fagongwei");
        await Expect(shell.MenuEntry("备案文件")).ToBeVisibleAsync();
        await shell.GotoAsync("/filings/report?year=2023");
        var figures = staff.Page.GetByTestId("figure");
        await Expect(figures.Nth(0)).ToHaveTextAsync("8");   // 接收报备
        await Expect(figures.Nth(7)).ToHaveTextAsync("39");  // 专项清理文件
        await Expect(staff.Page.GetByTestId("report-text")).ToContainTextAsync("对海西州人民政府报备的8件规范性文件，按规定程序逐一备案、审查、归档");
        await SnapAsync(staff, "1-report");

        await shell.GotoAsync("/filings/campaigns?year=2023");
        await Expect(staff.Page.GetByTestId("campaign")).ToHaveCountAsync(3);
        await Expect(staff.Page.GetByTestId("campaign-count")).ToHaveTextAsync(["13", "14", "12"]);
        await SnapAsync(staff, "2-campaigns");

        await shell.GotoAsync("/filings/catalogues");
        await staff.Page.GetByTestId("catalogues").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "比对" }).First.ClickAsync();
        await Expect(staff.Page.GetByTestId("comparison-summary")).ToContainTextAsync("漏报 2 件");
        await Expect(staff.Page.GetByTestId("unfiled-row")).ToHaveCountAsync(2);
        await SnapAsync(staff, "3-unfiled");

        await shell.GotoAsync("/filings?year=0&status=ProblemFound");
        await Expect(staff.Page.GetByTestId("filing-row")).ToHaveCountAsync(1);
        await staff.Page.GetByTestId("filing-row").GetByRole(Microsoft.Playwright.AriaRole.Link).First.ClickAsync();
        await Expect(staff.Page.GetByTestId("review-status")).ToHaveTextAsync("已发审查意见");
        await Expect(staff.Page.GetByTestId("communications")).ToContainTextAsync("书面审查意见");
        await SnapAsync(staff, "4-problem");
        await CspShouldBeCleanAsync(staff);
    }
}
