using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Renda.Web.Data;
using Renda.Web.Features.Legislation;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Portal;

/// <summary>
/// Issue 19, part 2, in Chromium: a citizen on a 390 px phone, by keyboard only, comments on the draft open for comment, keeps
/// the receipt code, and later — after staff decided — looks it up from the footer and reads the handling and its reason.
/// The follow pages (confirmation, receipt, 订阅, a feed) are photographed at desktop and phone widths.
/// </summary>
public sealed class PortalFollowJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Haixi = "632800";

    private int OpenPeriod()
    {
        using var scope = App.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        return (from p in db.Set<CommentPeriod>()
                join b in db.Set<Bill>() on p.BillId equals b.Id
                where p.Status == CommentPeriodStatus.Open && b.Title == "海西蒙古族藏族自治州柴达木盆地水资源保护条例"
                select p.Id).First();
    }

    [Fact]
    public async Task A_citizen_on_a_phone_comments_by_keyboard_keeps_the_receipt_code_and_later_reads_the_handling()
    {
        var phone = await OpenAsync(phone: true);
        var period = OpenPeriod();
        var draft = await PortalPage.OpenAsync(phone.Page, $"/legislation/public/comments/{period}");
        // The third article's form: Tab to its summary, Enter opens it, Tab into the text.
        await draft.TabToAsync("对本条提出意见");
        await draft.TabToAsync("对本条提出意见");
        await draft.TabToAsync("对本条提出意见");
        await phone.Page.Keyboard.PressAsync("Enter");
        await phone.Page.Keyboard.PressAsync("Tab");
        (await phone.Page.EvaluateAsync<string>("() => document.activeElement.tagName")).ShouldBe("TEXTAREA");
        await phone.Page.Keyboard.TypeAsync("建议在第三条写明牧区生活用水优先保障（键盘回执测试）。");
        await draft.TabToAsync("提交意见");
        await draft.EnterAsync();
        var code = (await phone.Page.GetByTestId("receipt-code").InnerTextAsync()).Trim();
        code.Length.ShouldBe(Renda.Web.Platform.Web.ReceiptCodes.Length);
        var (overflow, _) = await new ShellPage(phone.Page).HorizontalOverflowAsync();
        overflow.ShouldBe(0);
        await SnapAsync(phone, "1-confirmation");

        // Staff sort it and decide 部分采纳 with a reason.
        var staff = await RendaApi.ClientAsync(App, "fagongwei");
        var receipt = await staff.GetJsonAsync($"/api/v1/public/receipts/{code}");
        receipt.GetProperty("statusLabel").GetString().ShouldBe("已收到");
        int commentId;
        using (var scope = App.Server.Services.CreateScope())
            commentId = scope.ServiceProvider.GetRequiredService<RendaDbContext>().Set<BillComment>().Where(c => c.ReceiptCode == code).Select(c => c.Id).First();
        await staff.PostAsync($"/api/v1/comments/{commentId}/handling", new { handling = "Sorted", reason = (string?)null }, HttpStatusCode.NoContent);
        await staff.PostAsync($"/api/v1/comments/{commentId}/handling", new { handling = "PartlyAdopted", reason = "牧区生活用水已在第八条作出安排，第三条增加“优先保障生活用水”的表述。" }, HttpStatusCode.NoContent);

        // Later: from the home page's footer, by keyboard.
        var home = await PortalPage.OpenAsync(phone.Page, $"/p/{Haixi}");
        await home.TabToAsync("回执查询", max: 300);
        await home.EnterAsync();
        await Expect(home.Heading).ToHaveTextAsync("回执查询");
        await home.TabToAsync("receipt-code:");
        await phone.Page.Keyboard.TypeAsync(code.ToLowerInvariant());
        await home.EnterAsync();
        await Expect(phone.Page.GetByTestId("receipt-status")).ToHaveTextAsync("部分采纳");
        await Expect(phone.Page.GetByTestId("receipt-reason")).ToContainTextAsync("优先保障生活用水");
        await Expect(phone.Page.GetByTestId("receipt-steps").Locator("li.done")).ToHaveCountAsync(3);
        (overflow, _) = await new ShellPage(phone.Page).HorizontalOverflowAsync();
        overflow.ShouldBe(0);
        await SnapAsync(phone, "2-receipt");
        await CspShouldBeCleanAsync(phone);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_follow_pages_look_right_at_desktop_and_phone_width(bool phone)
    {
        var citizen = await OpenAsync(phone ? "phone" : "desktop", phone);
        var period = OpenPeriod();
        await PageObject.VisitAsync(citizen.Page, $"/legislation/public/comments/{period}");
        var box = citizen.Page.GetByTestId("comment-第五条");
        await box.Locator("summary").ClickAsync();
        await box.Locator("textarea").FillAsync($"建议第五条写明用水指标的公开方式（{(phone ? "手机" : "电脑")}截图）。");
        await box.Locator("button[type=submit]").ClickAsync();
        await Expect(citizen.Page.GetByTestId("receipt-code")).ToBeVisibleAsync();
        await SnapAsync(citizen, "1-confirmation");
        var code = (await citizen.Page.GetByTestId("receipt-code").InnerTextAsync()).Trim();
        await citizen.Page.GetByTestId("receipt-link").ClickAsync();
        await Expect(citizen.Page.GetByTestId("receipt-status")).ToHaveTextAsync("已收到");
        await SnapAsync(citizen, "2-receipt");
        await PageObject.VisitAsync(citizen.Page, $"/p/{Haixi}/receipt?code=DEMOYJ0102");
        await Expect(citizen.Page.GetByTestId("receipt-status")).ToHaveTextAsync("已整理");
        await PageObject.VisitAsync(citizen.Page, $"/p/{Haixi}/subscribe");
        await Expect(citizen.Page.GetByTestId("feeds").Locator("a")).ToHaveCountAsync(6);
        await SnapAsync(citizen, "3-subscribe");
        if (phone)
        {
            var (overflow, _) = await new ShellPage(citizen.Page).HorizontalOverflowAsync();
            overflow.ShouldBe(0);
        }
        await citizen.Page.GotoAsync($"/p/{Haixi}/news/feed");
        await SnapAsync(citizen, "4-feed");
        code.ShouldNotBeEmpty();
    }
}
