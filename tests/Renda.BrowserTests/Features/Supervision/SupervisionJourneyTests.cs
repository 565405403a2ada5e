using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Supervision;

/// <summary>
/// Supervision in a real browser: a work report heard at today's meeting goes round its loop between the committee's staff and
/// the reporting organ (opinions → handling → judgement → follow-up → closed), and a member appraises an appointed official on a phone.
/// </summary>
public sealed class SupervisionJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string EducationReport = "州教育局关于全州义务教育优质均衡发展工作情况的报告";

    [Fact]
    public async Task A_work_report_goes_from_hearing_through_opinions_handling_and_follow_up_to_closed()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var (staff, _) = await SignedInAsync("daigongwei");
        var list = await SupervisionReportsPage.OpenAsync(staff.Page, today.Year);
        var report = await list.OpenReportAsync(EducationReport);
        await Expect(report.Status).ToHaveTextAsync("已印发组成人员");
        await report.RecordHeardAsync();
        await Expect(report.Status).ToHaveTextAsync("已审议");
        await Expect(report.Clock("opinions")).ToContainTextAsync("7日内");
        await Expect(report.Clock("opinions")).ToContainTextAsync("进行中");
        await report.SendOpinionsAsync("一、推进城乡学校标准化建设。\n二、加强农牧区教师队伍建设。\n三、健全督导评估机制。");
        await Expect(report.Status).ToHaveTextAsync("审议意见已送交");
        await Expect(report.Clock("opinions")).ToContainTextAsync("已完成");
        await Expect(report.Clock("handling")).ToContainTextAsync("3个月内");
        await Expect(report.OpinionsDocument).ToBeVisibleAsync();
        await SnapAsync(staff, "1-opinions-sent");
        var path = report.Path;

        // The organ's officer answers in writing.
        var (organ, _) = await SignedInAsync("jiaoyuju");
        var organPage = await SupervisionReportPage.OpenAsync(organ.Page, path);
        await organPage.ReportHandlingAsync("针对审议意见，我局制定了整改清单：新建改扩建学校8所，补充农牧区教师120名。");
        await Expect(organPage.Status).ToHaveTextAsync("已报告研究处理情况");
        await organPage.AttachPdfAsync("研究处理情况报告（签发稿）.pdf");
        await Expect(organPage.Message).ToContainTextAsync("附件已上传");
        await Expect(organPage.Attachments).ToContainTextAsync("研究处理情况报告（签发稿）.pdf");

        // Staff are not satisfied: follow-up; closing is refused until the organ reports again.
        await SupervisionReportPage.OpenAsync(staff.Page, path);
        await report.AskFollowUpAsync(today.AddDays(60), "教师补充的时间表不明确");
        await Expect(report.Status).ToHaveTextAsync("跟踪监督中");
        (await report.CloseRefusedAsync()).ShouldBe(409);
        await Expect(report.Error).ToContainTextAsync("尚未报告跟踪落实情况");
        // (Opened afresh, not reloaded: a reload of the refused POST's page would send it again.)
        await SupervisionReportPage.OpenAsync(organ.Page, path);
        await organPage.ReportFollowUpAsync("已补充农牧区教师126名，名单见附件。");
        await SupervisionReportPage.OpenAsync(staff.Page, path);
        await report.CloseAsync();
        await Expect(report.Status).ToHaveTextAsync("已办结");
        // Staff see the organ's document; once the loop is closed nothing more can be attached.
        await Expect(report.Attachments).ToContainTextAsync("研究处理情况报告（签发稿）.pdf");
        await Expect(staff.Page.GetByTestId("attach-form")).ToHaveCountAsync(0);
        await Expect(report.Clocks).Not.ToContainTextAsync("进行中");
        await SnapAsync(staff, "2-closed");
        await CspShouldBeCleanAsync(staff);
    }

    [Fact]
    public async Task A_member_appraises_an_appointed_official_on_a_phone_once()
    {
        var (member, _) = await SignedInAsync("weiyuan", phone: true);
        var list = await AppraisalPage.OpenListAsync(member.Page);
        await ShouldFitThePhoneAsync(list);
        await list.OpenAwaitingAsync();
        var appraisal = new AppraisalPage(member.Page);
        await Expect(appraisal.Form).ToBeVisibleAsync();
        await ShouldFitThePhoneAsync(appraisal);
        await SnapAsync(member, "1-appraise");
        await appraisal.ChooseAsync("基本满意");
        await Expect(appraisal.Message).ToContainTextAsync("测评已记录");
        await Expect(appraisal.Appraised).ToBeVisibleAsync();
        await Expect(appraisal.Form).ToHaveCountAsync(0);
        await Expect(appraisal.Count).ToHaveTextAsync("1 人");
        await SnapAsync(member, "2-done");
        await CspShouldBeCleanAsync(member);
    }

    [Fact]
    public async Task The_statistics_show_the_seed_figures_and_each_opens_its_records()
    {
        var (staff, _) = await SignedInAsync("daigongwei");
        var stats = await SupervisionStatisticsPage.OpenAsync(staff.Page, 2023);
        await Expect(stats.Figure("workReports")).ToContainTextAsync("6");
        await Expect(stats.Figure("financeReports")).ToContainTextAsync("5");
        await Expect(stats.Figure("inspections")).ToContainTextAsync("4");
        await Expect(stats.Figure("surveys")).ToContainTextAsync("7");
        await Expect(stats.Figure("inquiries")).ToContainTextAsync("1");
        await SnapAsync(staff, "1-statistics");
        await stats.Figure("workReports").ClickAsync();
        var list = new SupervisionReportsPage(staff.Page);
        await Expect(list.Rows).ToHaveCountAsync(6);
        await SnapAsync(staff, "2-special-reports");
    }

    [Fact]
    public async Task Staff_see_the_2023_plan_with_its_progress_and_the_inspections_inquiry_and_surveys_behind_it()
    {
        var (staff, shell) = await SignedInAsync("daigongwei");
        await shell.GotoAsync("/supervision/plan?year=2023");
        await Expect(staff.Page.GetByTestId("plan-status")).ToContainTextAsync("已于2023-01-18发布");
        await Expect(staff.Page.GetByTestId("plan-progress")).ToContainTextAsync("完成 14 / 14 项");
        await Expect(staff.Page.GetByTestId("topic-row").Filter(new() { HasText = "代表建议集中反映" }).First).ToBeVisibleAsync();
        await SnapAsync(staff, "1-plan");
        await shell.GotoAsync("/supervision/inspections?year=2023");
        await Expect(staff.Page.GetByTestId("inspection-row")).ToHaveCountAsync(4);
        await staff.Page.GetByTestId("inspection-row").First.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(staff.Page.GetByTestId("team")).ToContainTextAsync("人大代表");
        await Expect(staff.Page.GetByTestId("parts")).ToContainTextAsync("格尔木市");
        await SnapAsync(staff, "2-inspection");
        await shell.GotoAsync("/supervision/inquiries?year=2023");
        await staff.Page.GetByTestId("inquiry").First.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(staff.Page.GetByTestId("questions")).ToContainTextAsync("州教育局局长");
        await Expect(staff.Page.GetByTestId("topic-current")).Not.ToHaveTextAsync("不属于年度计划议题");
        await SnapAsync(staff, "3-inquiry");
        await shell.GotoAsync("/supervision/surveys?year=2023");
        await Expect(staff.Page.GetByTestId("survey-row")).ToHaveCountAsync(12);
        await shell.GotoAsync("/supervision/interpellations");
        await SnapAsync(staff, "4-interpellations");
        await CspShouldBeCleanAsync(staff);
    }

    [Fact]
    public async Task A_survey_registered_against_a_new_plan_topic_shows_as_the_progress_of_the_plan()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string topic = "农牧区饮水安全工程建设情况专题调研";
        var (staff, _) = await SignedInAsync("daigongwei");
        var plan = await SupervisionPlanPage.OpenAsync(staff.Page, today.Year);
        await plan.AddTopicAsync(topic);
        await Expect(plan.TopicRow(topic)).ToContainTextAsync("未开展");

        var surveys = await SupervisionSurveysPage.OpenAsync(staff.Page, today.Year);
        await surveys.RegisterAsync("全州农牧区饮水安全调研", today, topic);
        await Expect(surveys.Message).ToContainTextAsync("已登记");

        await SupervisionPlanPage.OpenAsync(staff.Page, today.Year);
        await Expect(plan.TopicRow(topic)).ToContainTextAsync("已开展");
        await SnapAsync(staff, "plan-topic-done");
    }

    [Fact]
    public async Task Staff_change_a_plan_topic_and_link_an_inquiry_arranged_before_it()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        const string topic = "城乡居民基本养老保险工作专题询问";
        const string renamed = "城乡居民基本养老保险制度落实情况专题询问";
        var (staff, shell) = await SignedInAsync("daigongwei");
        var inquiry = await SupervisionInquiryPage.ArrangeAsync(staff.Page, "关于全州城乡居民养老保险工作的专题询问", today);
        await Expect(inquiry.Message).ToContainTextAsync("已安排");
        await Expect(inquiry.CurrentTopic).ToHaveTextAsync("不属于年度计划议题");

        var plan = await SupervisionPlanPage.OpenAsync(staff.Page, today.Year);
        await plan.AddTopicAsync(topic);
        var edit = await SupervisionTopicPage.OpenFromPlanAsync(plan, topic);
        await Expect(edit.Records).ToContainTextAsync("还没有");
        await SnapAsync(staff, "1-topic");
        await edit.RenameAsync(renamed, 12);
        await Expect(plan.TopicRow(renamed)).ToContainTextAsync("12月");
        await Expect(plan.TopicRow(renamed)).ToContainTextAsync("未开展");

        await shell.GotoAsync($"/supervision/inquiries?year={today.Year}");
        await staff.Page.GetByTestId("inquiry").Filter(new() { HasText = "城乡居民养老保险" }).GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await inquiry.LinkTopicAsync(renamed);
        await Expect(inquiry.Message).ToContainTextAsync("已关联");
        await Expect(inquiry.CurrentTopic).ToHaveTextAsync(renamed);
        await SnapAsync(staff, "2-inquiry-linked");

        await SupervisionPlanPage.OpenAsync(staff.Page, today.Year);
        await Expect(plan.TopicRow(renamed)).ToContainTextAsync("已开展专题询问");
        await CspShouldBeCleanAsync(staff);
    }

    [Fact]
    public async Task A_proposer_says_on_the_phone_whether_the_answer_to_an_interpellation_satisfies_him()
    {
        var (member, shell) = await SignedInAsync("weiyuan", phone: true);
        await shell.GotoAsync("/supervision/interpellations");
        var row = member.Page.GetByTestId("interpellation").Filter(new() { HasText = "超标排放" });
        await Expect(row.GetByTestId("interpellation-status")).ToHaveTextAsync("已答复");
        await Expect(row).ToContainTextAsync("待您表态");
        await ShouldFitThePhoneAsync(shell);
        await row.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(member.Page.GetByTestId("interpellation-answer")).ToBeVisibleAsync();
        await ShouldFitThePhoneAsync(shell);
        await SnapAsync(member, "1-answered");
        await member.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "不满意", Exact = true }).ClickAsync();
        await Expect(member.Page.GetByTestId("message")).ToContainTextAsync("已记录");
        // Two of five satisfied, one dissatisfied, two still to say: no second answer yet.
        await Expect(member.Page.GetByTestId("interpellation-status")).ToHaveTextAsync("已答复");
        await Expect(member.Page.GetByTestId("proposers")).ToContainTextAsync("（不满意）");
        await Expect(member.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "不满意", Exact = true })).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(member);
    }
}
