using System.Text;
using Microsoft.Playwright;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Suggestions;

/// <summary>
/// 提 → 交 → 办 → 评 in a real browser: the deputy on a phone writes and submits, staff assign at a
/// desk, the unit answers with the signed document, the deputy rates on the phone. Screenshots
/// of each step's page go to artifacts/screenshots.
/// </summary>
public sealed class SuggestionJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_deputy_on_a_phone_submits_staff_assign_the_unit_answers_and_the_deputy_rates()
    {
        const string title = "关于在牧区寄宿制学校增设冬季供暖设施的建议";
        var (deputy, _) = await SignedInAsync("daibiao", phone: true);
        var mine = await SuggestionsMinePage.OpenAsync(deputy.Page);
        await mine.NewLink.ClickAsync();
        var form = new SuggestionsNewPage(deputy.Page);
        await Expect(form.Form).ToBeVisibleAsync();

        await form.FillAsync(title, "教育", "BetweenSessions",
            "海西州部分牧区寄宿制学校冬季供暖不足，学生宿舍温度偏低。建议：一、将供暖改造纳入明年预算；二、为每所学校配备专职生活老师；三、建立冬季巡查制度。");
        await Expect(form.Counter).ToContainTextAsync("已输入");
        var coSigner = await form.PickFirstCoSignerAsync("王");
        await Expect(form.PickerChosen.Filter(new() { HasText = coSigner.Split(' ')[0] })).ToHaveCountAsync(1);
        await ShouldFitThePhoneAsync(form);
        await SnapAsync(deputy, "1-new-form");
        await CspShouldBeCleanAsync(deputy);

        var detail = await form.SubmitAsync();
        await detail.ShouldHaveStatusAsync("已提交待审查");
        await Expect(detail.Message).ToContainTextAsync("建议已提交，编号");
        var id = detail.Id;
        await ShouldFitThePhoneAsync(detail);
        await SnapAsync(deputy, "2-submitted");

        var (staff, _) = await SignedInAsync("daigongwei");
        var intake = await SuggestionsListPage.OpenIntakeAsync(staff.Page);
        await SnapAsync(staff, "3a-intake-list");
        var staffView = await intake.OpenAsync(title);
        staffView.Id.ShouldBe(id);
        await SnapAsync(staff, "3b-intake-detail");
        await staffView.AcceptAsync();
        await staffView.AssignToLeadUnitAsync("海西州教育局");
        await SnapAsync(staff, "3-assigned");

        var (unit, _) = await SignedInAsync("jiaoyuju");
        var queue = await SuggestionsUnitPage.OpenAsync(unit.Page);
        await Expect(queue.Rows.Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await SnapAsync(unit, "4a-queue");
        var unitView = await queue.OpenAsync(title);
        await SnapAsync(unit, "4b-to-answer");
        await unitView.RecordFaceToFaceContactAsync("到学校与代表面商供暖改造方案。");
        await unitView.AnswerAsync("A", "供暖改造已列入 2027 年预算，各校配备生活老师，冬季巡查制度已建立。", "局长 王某",
            new FilePayload { Name = "关于供暖建议的答复.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Expect(unitView.AnswerDocument).ToBeVisibleAsync();
        await SnapAsync(unit, "4-answered");
        await CspShouldBeCleanAsync(unit);

        var answered = await SuggestionsDetailPage.OpenAsync(deputy.Page, id);
        await answered.ShouldHaveStatusAsync("已答复待评价");
        await Expect(answered.Answers.First).ToContainTextAsync("A 类");
        await Expect(answered.RatePanel).ToBeVisibleAsync();
        await ShouldFitThePhoneAsync(answered);
        await SnapAsync(deputy, "5-rating-form");
        await answered.RateAsync("满意");

        await answered.ShouldHaveStatusAsync("已办结");
        await Expect(answered.RatePanel).ToHaveCountAsync(0);
        await Expect(answered.Main.GetByTestId("rating").First).ToContainTextAsync("满意");
        await ShouldFitThePhoneAsync(answered);
        await CspShouldBeCleanAsync(deputy);
        var cards = await SuggestionsMinePage.OpenAsync(deputy.Page);
        await Expect(cards.Card(title).GetByTestId("status")).ToHaveTextAsync("已办结");
        await ShouldFitThePhoneAsync(cards);
        await SnapAsync(deputy, "6-mine");

        // Published with the deputy's phone number typed into the content: the portal shows it removed.
        await staffView.Page.ReloadAsync();
        await staffView.PublishAsync("海西州部分牧区寄宿制学校冬季供暖不足（联系电话 13912345678）。建议将供暖改造纳入明年预算。");
        var visitor = await OpenAsync("visitor", phone: true);
        var portal = await SuggestionsPublicPage.OpenAsync(visitor.Page, "供暖");
        await portal.OpenAsync(title);
        await Expect(portal.Content).ToContainTextAsync("［电话已隐去］");
        await Expect(portal.Content).Not.ToContainTextAsync("13912345678");
        await Expect(portal.Answer).ToContainTextAsync("供暖改造已列入 2027 年预算");
        await ShouldFitThePhoneAsync(new ShellPage(visitor.Page));
        await CspShouldBeCleanAsync(visitor);
    }
}
