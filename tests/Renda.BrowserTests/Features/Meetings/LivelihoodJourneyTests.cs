using System.Globalization;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Meetings;

/// <summary>
/// 民生实事项目人大代表票决 in a real browser: staff set up next year's ballot at the desk, deputies vote on their phones
/// (at most N ticks, secret, no running totals), staff close it and the result ranks the projects; at year end a
/// deputy evaluates an adopted project of this year's ballot.
/// </summary>
public sealed class LivelihoodJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));

    private static readonly Candidate Heating = new("牧区寄宿制学校宿舍供暖改造", "州教育局", 2800m, "对12所牧区寄宿制学校宿舍供暖设施进行清洁能源改造。");
    private static readonly Candidate Clinics = new("乡镇卫生院远程心电诊断", "州卫生健康委员会", 950.5m, "为全州乡镇卫生院配备远程心电设备，与州人民医院联通。");
    private static readonly Candidate Parking = new("德令哈城区充电桩建设", "州住房和城乡建设局", 1200m, "在德令哈城区公共停车场新建充电桩500个。");

    [Fact]
    public async Task Staff_run_next_years_ballot_and_deputies_vote_on_their_phones_without_running_totals()
    {
        var year = Today.Year + 1;
        var title = $"海西州{year}年民生实事项目（代表票决）";

        // Staff at the desk: in November the new ballot is for next year.
        var (staff, _) = await SignedInAsync("daigongwei");
        var list = await LivelihoodListPage.OpenAsync(staff.Page);
        await Expect(list.CreateForm.Locator("#c-year")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
        var desk = await list.CreateAsync(year, title, "海西州第十五届人民代表大会第六次会议", places: 2);
        await Expect(desk.Message).ToContainTextAsync("票决已创建");
        await Expect(desk.Title).ToHaveTextAsync(title);
        await Expect(desk.Status).ToHaveTextAsync("候选项目征集");
        var ballotId = desk.Id;

        // Two candidates for two places: opening is refused, the election must be competitive (差额).
        await desk.AddCandidateAsync(Heating);
        await Expect(desk.Message).ToContainTextAsync("候选项目已增加");
        await desk.AddCandidateAsync(Clinics);
        await Expect(desk.CandidateRows).ToHaveCountAsync(2);
        var (question, status) = await desk.OpenBallotRefusedAsync();
        question.ShouldContain("开始投票");
        status.ShouldBe(409);
        await Expect(desk.Error).ToContainTextAsync("票决实行差额：候选项目（2 个）应多于拟确定的项目数（2 个）");
        await Expect(desk.Status).ToHaveTextAsync("候选项目征集");
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "1-refused");

        await desk.AddCandidateAsync(Parking);
        await Expect(desk.Facts).ToContainTextAsync("候选 3 个，差额 1 个");
        (await desk.OpenBallotAsync()).ShouldContain("开始投票");
        await Expect(desk.Message).ToContainTextAsync("投票开始");
        await Expect(desk.Status).ToHaveTextAsync("投票中");
        await CspShouldBeCleanAsync(staff);
        // The desk's ballot page reloads itself every 10 s while open; staff wait on the list meanwhile.
        list = await LivelihoodListPage.OpenAsync(staff.Page, year);
        await Expect(list.Row(title).GetByTestId("ballot-status")).ToHaveTextAsync("投票中");

        // A deputy on a phone finds the open ballot at the top of this year's list and ticks two of three.
        var (deputy, _) = await SignedInAsync("daibiao2", phone: true);
        var deputyList = await LivelihoodListPage.OpenAsync(deputy.Page);
        await Expect(deputyList.OpenBallots).ToContainTextAsync(title);
        var paper = await deputyList.OpenBallotAsync(title);
        await Expect(paper.BallotForm).ToBeVisibleAsync();
        await Expect(paper.Choices).ToHaveCountAsync(3);
        await Expect(paper.VoteCounts).ToHaveCountAsync(0);
        await ShouldFitThePhoneAsync(paper);
        await paper.Choice(Heating.Name).CheckAsync();
        await paper.Choice(Clinics.Name).CheckAsync();
        await Expect(paper.TickCount).ToHaveTextAsync("2");
        // Two places: the third box is disabled until one is unticked.
        await Expect(paper.Choice(Parking.Name)).ToBeDisabledAsync();
        await paper.Choice(Clinics.Name).UncheckAsync();
        await Expect(paper.Choice(Parking.Name)).ToBeEnabledAsync();
        await paper.Choice(Clinics.Name).CheckAsync();
        await Expect(paper.Choice(Parking.Name)).ToBeDisabledAsync();
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "2-ballot");
        (await paper.CastAsync()).ShouldContain("提交后不能更改");
        await Expect(paper.Message).ToContainTextAsync("您的选票已投出");
        await Expect(paper.Voted).ToContainTextAsync("您已投票");
        await Expect(paper.BallotForm).ToHaveCountAsync(0);
        await Expect(paper.Turnout).ToContainTextAsync("已投 1 票");
        // Secret and without running totals: the candidates again, no votes.
        await Expect(paper.CandidateRows).ToHaveCountAsync(3);
        await Expect(paper.VoteCounts).ToHaveCountAsync(0);
        await Expect(paper.Candidates).Not.ToContainTextAsync("得票");
        await ShouldFitThePhoneAsync(paper);
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "3-voted");

        // A second deputy ticks one.
        var (second, _) = await SignedInAsync("daibiao3", phone: true);
        var secondPaper = await LivelihoodBallotPage.OpenAsync(second.Page, ballotId);
        await Expect(secondPaper.VoteCounts).ToHaveCountAsync(0);
        await secondPaper.Choice(Heating.Name).CheckAsync();
        await Expect(secondPaper.TickCount).ToHaveTextAsync("1");
        await secondPaper.CastAsync();
        await Expect(secondPaper.Voted).ToBeVisibleAsync();
        await Expect(secondPaper.Turnout).ToContainTextAsync("已投 2 票");
        await Expect(secondPaper.VoteCounts).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(second);

        // Staff see the turnout, not the totals, and close.
        desk = await LivelihoodBallotPage.OpenAsync(staff.Page, ballotId);
        await Expect(desk.Turnout).ToContainTextAsync("已投 2 票");
        await Expect(desk.VoteCounts).ToHaveCountAsync(0);
        (await desk.CloseBallotAsync()).ShouldContain("结束投票");
        await Expect(desk.Message).ToContainTextAsync("票决结果已产生");
        await Expect(desk.Status).ToHaveTextAsync("已票决");
        await Expect(desk.VoteCounts).ToHaveTextAsync(["2", "1", "0"]);
        await Expect(desk.CandidateRow(Heating.Name).Locator("td").First).ToHaveTextAsync("1");
        await Expect(desk.CandidateRow(Clinics.Name).Locator("td").First).ToHaveTextAsync("2");
        await Expect(desk.CandidateRow(Parking.Name).Locator("td").First).ToHaveTextAsync("3");
        await Expect(desk.AdoptedBadges).ToHaveCountAsync(2);
        await Expect(desk.CandidateRow(Heating.Name).GetByTestId("adopted")).ToHaveTextAsync("确定");
        await Expect(desk.CandidateRow(Clinics.Name).GetByTestId("adopted")).ToBeVisibleAsync();
        await Expect(desk.CandidateRow(Parking.Name)).ToContainTextAsync("未确定");
        await Expect(desk.TieNote).ToHaveCountAsync(0);
        await Expect(desk.ProjectCards).ToHaveCountAsync(2);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "4-result");

        // The first deputy's phone now shows the result.
        await deputy.Page.ReloadAsync();
        await Expect(paper.Status).ToHaveTextAsync("已票决");
        await Expect(paper.CandidateRow(Heating.Name).GetByTestId("votes")).ToHaveTextAsync("2");
        await Expect(paper.AdoptedBadges).ToHaveCountAsync(2);
        await ShouldFitThePhoneAsync(paper);
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "5-result");
    }

    [Fact]
    public async Task A_deputy_evaluates_an_adopted_project_of_this_year_on_a_phone()
    {
        var (deputy, _) = await SignedInAsync("daibiao4", phone: true);
        var list = await LivelihoodListPage.OpenAsync(deputy.Page);
        var ballot = await list.OpenBallotAsync($"海西州{Today.Year}年民生实事项目");
        await Expect(ballot.Status).ToHaveTextAsync("已票决");
        await Expect(ballot.EvaluationOpen).ToBeVisibleAsync();
        await Expect(ballot.EvaluationTodo).ToContainTextAsync("您还有 6 个项目未评价");
        await Expect(ballot.ProjectCards).ToHaveCountAsync(6);
        await ShouldFitThePhoneAsync(ballot);
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "1-evaluation");

        var card = ballot.Page.Locator($"#{await ballot.ProjectCards.First.GetAttributeAsync("id")}");
        var satisfiedBefore = int.Parse(await card.GetByTestId("tally").Locator("strong").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        await ballot.EvaluateAsync(card, "满意");

        await Expect(ballot.Message).ToContainTextAsync("您对该项目的评价（满意）已记录");
        // Back at the project (#project-N): its heading is not hidden under the sticky header.
        var header = await ballot.Page.Locator("header.sticky-top").BoundingBoxAsync();
        var heading = await card.Locator("h3").BoundingBoxAsync();
        heading!.Y.ShouldBeGreaterThanOrEqualTo(header!.Y + header.Height, "the project's heading is under the sticky header");
        await Expect(card.GetByTestId("my-evaluation")).ToContainTextAsync("满意");
        await Expect(card.GetByTestId("evaluate-form")).ToHaveCountAsync(0);
        await Expect(card.GetByTestId("tally").Locator("strong").First).ToHaveTextAsync((satisfiedBefore + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(card.GetByTestId("tally")).ToContainTextAsync("满意率");
        await Expect(ballot.EvaluationTodo).ToContainTextAsync("您还有 5 个项目未评价");
        // The other projects still wait for this deputy's evaluation.
        await Expect(ballot.Page.GetByTestId("evaluate-form")).ToHaveCountAsync(5);
        await ShouldFitThePhoneAsync(ballot);
        await CspShouldBeCleanAsync(deputy);
        await SnapAsync(deputy, "2-evaluated");
    }
}
