using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Deputies;

/// <summary>
/// The duty archive in a real browser: a deputy on a 390 px phone opens 我的履职, reads the archive and asks for a missing record;
/// staff accept it with a reason and the record appears in the deputy's archive.
/// </summary>
public sealed class DutyArchiveJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task A_deputy_on_a_phone_reads_the_archive_asks_for_a_correction_and_sees_the_record_once_staff_accept_it()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string title = "参加海西州人大代表论坛（盐湖产业专题）";
        var (deputy, _) = await SignedInAsync("daibiao", phone: true);
        var home = await MyDutyPage.OpenAsync(deputy.Page);
        await Expect(home.Points).ToBeVisibleAsync();
        await Expect(home.Reports).ToContainTextAsync("年度履职情况报告");
        await ShouldFitThePhoneAsync(home);
        await SnapAsync(deputy, "1-home");

        var archive = await home.OpenArchiveAsync();
        await Expect(archive.Kinds).ToContainTextAsync("分");
        await Expect(archive.Records).Not.ToContainTextAsync(title);
        await ShouldFitThePhoneAsync(archive);
        await SnapAsync(deputy, "2-archive");
        await archive.AskForMissingRecordAsync("参加代表论坛", today.AddDays(-10), title, "当天参加了州人大常委会举办的代表论坛并发言，档案中没有。");
        await Expect(archive.Message).ToContainTextAsync("更正申请已提交");
        await Expect(archive.Corrections).ToContainTextAsync("待处理");
        await ShouldFitThePhoneAsync(archive);
        await SnapAsync(deputy, "3-asked");

        var (staff, _) = await SignedInAsync("daigongwei");
        var corrections = await CorrectionsPage.OpenAsync(staff.Page);
        await Expect(corrections.Request(title)).ToBeVisibleAsync();
        await SnapAsync(staff, "4-request");
        await corrections.AcceptAsync(title, "经核对论坛签到表，予以补录。");
        await Expect(corrections.Message).ToContainTextAsync("已采纳更正");
        await CspShouldBeCleanAsync(staff);

        archive = await MyArchivePage.OpenAsync(deputy.Page);
        await Expect(archive.Records).ToContainTextAsync(title);
        await Expect(archive.Records).ToContainTextAsync("经更正补录");
        await Expect(archive.Corrections).ToContainTextAsync("经核对论坛签到表，予以补录。");
        await ShouldFitThePhoneAsync(archive);
        await SnapAsync(deputy, "5-corrected");
        await CspShouldBeCleanAsync(deputy);
    }

    [Fact]
    public async Task Staff_record_an_inquiry_question_by_a_deputy_and_the_deputy_sees_it_in_the_archive_on_a_phone()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string title = "关于全州牧区饮水安全工作的专题询问";
        var deputyId = (await (await RendaApi.ClientAsync(App, "daibiao")).GetJsonAsync("/api/v1/deputies/me")).GetProperty("deputyId").GetInt32();

        var (staff, _) = await SignedInAsync("daigongwei");
        var inquiry = await SupervisionInquiryPage.ArrangeAsync(staff.Page, title, today);
        await inquiry.RecordQuestionAsync(deputyId, "海西州水利局", "牧区集中供水工程何时全覆盖？");
        await Expect(inquiry.Message).ToContainTextAsync("询问已记录");
        await Expect(inquiry.Questions).ToContainTextAsync("牧区集中供水工程何时全覆盖？");
        await Expect(inquiry.Questions.GetByTestId("question").First).ToContainTextAsync("代表");
        await inquiry.CorrectQuestionAsync("牧区集中供水工程何时全覆盖？", "牧区集中供水工程何时实现全覆盖？");
        await Expect(inquiry.Message).ToContainTextAsync("询问已更正");
        await Expect(inquiry.Questions).ToContainTextAsync("牧区集中供水工程何时实现全覆盖？");
        await SnapAsync(staff, "1-question");
        await CspShouldBeCleanAsync(staff);

        var (deputy, _) = await SignedInAsync("daibiao", phone: true);
        var archive = await MyArchivePage.OpenAsync(deputy.Page);
        await Expect(archive.Kinds).ToContainTextAsync("专题询问发言");
        var record = archive.Records.GetByText(title);
        await Expect(record).ToBeVisibleAsync();
        await Expect(archive.Records).ToContainTextAsync("专题询问发言");
        await ShouldFitThePhoneAsync(archive);
        await SnapAsync(deputy, "2-archive");
        await CspShouldBeCleanAsync(deputy);
    }
}
