using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Deputies;

/// <summary>
/// Reception days in a real browser: a constituent's opinion at the demo's reception in progress is referred to the education
/// bureau, answered by its officer on a phone, fed back and rated; another becomes the deputy's draft suggestion; a citizen
/// leaves an opinion on a station's public page with the keyboard only.
/// </summary>
public sealed class ReceptionJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Home = "海西州人大代表之家";
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [Fact]
    public async Task An_opinion_at_a_reception_is_referred_answered_by_the_unit_on_a_phone_fed_back_and_rated()
    {
        const string text = "希望在城北片区新建一所公办幼儿园，缓解入园难。";
        var (staff, _) = await SignedInAsync("daigongwei");
        var reception = await ReceptionPage.OpenTodaysAsync(staff.Page, Today, Home);
        await reception.RecordAsync("赵秀兰", "13997112233", "教育", text);
        await Expect(reception.Message).ToContainTextAsync("已登记群众意见");
        await Expect(reception.Opinion(text)).ToContainTextAsync("139****2233");
        await SnapAsync(staff, "1-recorded");
        var opinion = await reception.OpenOpinionAsync(text);
        await Expect(opinion.Contact).ToHaveTextAsync("13997112233");
        await opinion.ReferAsync("海西州教育局");
        await Expect(opinion.Message).ToContainTextAsync("答复期限开始计时");
        await Expect(opinion.Status).ToHaveTextAsync("承办单位办理中");

        var (unit, _) = await SignedInAsync("jiaoyuju", phone: true);
        var queue = await ReferredOpinionsPage.OpenAsync(unit.Page);
        await ShouldFitThePhoneAsync(queue);
        var answer = await queue.OpenAsync(text);
        await Expect(answer.Contact).ToHaveTextAsync("139****2233");
        await ShouldFitThePhoneAsync(answer);
        await SnapAsync(unit, "2-unit-phone");
        await answer.AnswerAsync("州教育局已将城北片区公办幼儿园列入明年建设计划，预计新增学位 270 个。");
        await Expect(answer.Message).ToContainTextAsync("已答复");
        await ShouldFitThePhoneAsync(answer);
        await CspShouldBeCleanAsync(unit);

        await staff.Page.ReloadAsync();
        await Expect(opinion.Answer).ToContainTextAsync("城北片区公办幼儿园");
        await opinion.FeedbackAsync("已电话告知赵秀兰办理结果。");
        await Expect(opinion.Status).ToHaveTextAsync("已反馈待测评");
        await Expect(opinion.Feedback).ToContainTextAsync("已电话告知赵秀兰办理结果。");
        await opinion.RateAsync("满意");
        await Expect(opinion.Status).ToHaveTextAsync("已办结");
        await Expect(opinion.Satisfaction).ToContainTextAsync("群众评价：满意（");
        await SnapAsync(staff, "3-closed");
        await CspShouldBeCleanAsync(staff);
    }

    [Fact]
    public async Task An_opinion_turned_into_a_suggestion_appears_among_the_deputys_suggestions()
    {
        const string text = "巴音河景观带夜间照明不足，希望增设路灯并纳入城市管理考核。";
        const string title = "关于完善巴音河景观带夜间照明的建议";
        var (staff, _) = await SignedInAsync("daigongwei");
        var reception = await ReceptionPage.OpenTodaysAsync(staff.Page, Today, Home);
        await reception.RecordAsync("刘建国", "13997114455", "城乡建设", text);
        var opinion = await reception.OpenOpinionAsync(text);
        await opinion.TurnIntoSuggestionAsync(title);
        await Expect(opinion.Message).ToContainTextAsync("已转为代表建议草稿");
        await Expect(opinion.Status).ToHaveTextAsync("已转为代表建议");
        await SnapAsync(staff, "1-suggested");

        var (deputy, shell) = await SignedInAsync("daibiao", phone: true);
        await shell.GotoAsync("/suggestions/mine");
        await Expect(deputy.Page.GetByText(title)).ToBeVisibleAsync();
        await SnapAsync(deputy, "2-mine");
    }

    [Fact]
    public async Task A_citizen_leaves_an_opinion_on_the_public_station_page_with_the_keyboard_only()
    {
        var citizen = await OpenAsync("citizen", phone: true);
        var station = await PublicStationPage.OpenAsync(citizen.Page, Home);
        await Expect(citizen.Page.GetByTestId("upcoming-receptions")).ToContainTextAsync("主任接待日");
        await ShouldFitThePhoneAsync(station);
        await station.LeaveOpinionWithTheKeyboardAsync("马丽娟", "13997116677", "希望代表之家公布每月接待代表名单，方便群众预约反映问题。");
        await Expect(station.ReceiptCode).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{10}$"));
        await Expect(station.PublicStatus).ToHaveTextAsync("待处理");
        await ShouldFitThePhoneAsync(station);
        await SnapAsync(citizen, "1-receipt");
        await CspShouldBeCleanAsync(citizen);
    }
}
