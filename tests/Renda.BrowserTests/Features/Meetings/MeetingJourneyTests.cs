using Microsoft.Playwright;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Meetings;

/// <summary>
/// A meeting in a real browser: members vote from their phones in the meeting room, staff close the vote at a desk
/// and the result counts against all seated members; staff schedule the next meeting and are held to the 7-day notice.
/// </summary>
public sealed class MeetingJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Members_vote_on_their_phones_and_two_yes_votes_of_31_members_do_not_pass()
    {
        // The demo's meeting of today is in session with a roll-call vote open.
        var (member, shell) = await SignedInAsync("weiyuan", phone: true);
        await shell.GoHomeAsync();
        // The workbench's first line is the open vote, one tap from the ballot.
        await Expect(member.Page.GetByTestId("work-item").First).ToContainTextAsync("请投票");
        await member.Page.GetByTestId("work-item").First.ClickAsync();
        await member.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/votes/\\d+$"));
        var ballot = new VotePage(member.Page);
        await Expect(ballot.BallotForm).ToBeVisibleAsync();
        await ShouldFitThePhoneAsync(ballot);
        await SnapAsync(member, "1-ballot");
        // A tap only chooses: the choice is shown and asked once more; 返回修改 goes back to the three buttons.
        await ballot.ChooseAsync("反对");
        await Expect(ballot.Confirmation).ToContainTextAsync("反对");
        await member.Page.GetByTestId("ballot-back").ClickAsync();
        await Expect(ballot.BallotForm).ToBeVisibleAsync();
        await ballot.ChooseAsync("赞成");
        await Expect(ballot.Confirmation).ToContainTextAsync("赞成");
        await ShouldFitThePhoneAsync(ballot);
        await SnapAsync(member, "1-confirm");
        await ballot.ConfirmBallotAsync();
        await Expect(ballot.Message).ToContainTextAsync("赞成");
        await Expect(ballot.Voted).ToBeVisibleAsync();
        await Expect(ballot.BallotForm).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(member);
        var voteId = ballot.Id;

        var (chair, _) = await SignedInAsync("zhuren", phone: true);
        await VotePage.VisitAsync(chair.Page, $"/votes/{voteId}");
        var chairBallot = new VotePage(chair.Page);
        await chairBallot.CastAsync("赞成");
        await Expect(chairBallot.Voted).ToBeVisibleAsync();

        var (staff, _) = await SignedInAsync("daigongwei");
        await VotePage.VisitAsync(staff.Page, $"/votes/{voteId}");
        var desk = new VotePage(staff.Page);
        await Expect(staff.Page.GetByTestId("ballots-cast")).ToContainTextAsync("2 人");
        // Closing says how many present members have not voted and asks why it closes now.
        await desk.StartClosingAsync();
        await Expect(desk.NotVoted).ToContainTextAsync("尚有");
        await Expect(desk.EarlyCloseReason).ToBeVisibleAsync();
        await desk.CloseVoteAsync("出席人员多数未到表决席，主持人宣布结束表决。");
        await Expect(desk.Result).ToBeVisibleAsync();
        await Expect(staff.Page.GetByTestId("early-close-reason-shown")).ToContainTextAsync("主持人宣布结束表决");
        // Two yes votes and no opposition, yet not passed: the majority is of all 31 seated members (16 needed).
        await Expect(desk.Yes).ToHaveTextAsync("2");
        await Expect(desk.Passed).ToHaveTextAsync("未通过");
        await Expect(desk.Result).ToContainTextAsync("至少须赞成 16 票");
        await Expect(desk.Roll).ToContainTextAsync("出席未按表决器");
        await SnapAsync(staff, "2-closed");
        var sheet = await staff.Page.APIRequest.GetAsync(await desk.ResultSheet.GetAttributeAsync("href") ?? "");
        sheet.Status.ShouldBe(200);
        sheet.Headers["content-type"].ShouldStartWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        // The member's phone now shows the closed result, not the buttons.
        await member.Page.ReloadAsync();
        await Expect(ballot.Passed).ToHaveTextAsync("未通过");
    }

    [Fact]
    public async Task Staff_schedule_a_meeting_are_held_to_the_seven_day_notice_and_put_items_on_the_agenda()
    {
        var (staff, _) = await SignedInAsync("daigongwei");
        var list = await MeetingsPage.OpenAsync(staff.Page);
        await Expect(list.Rows.Filter(new() { HasText = "会议中" })).ToHaveCountAsync(1);
        await SnapAsync(staff, "1-list");
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var detail = await list.ScheduleAsync(today.AddDays(5), today.AddDays(6), "州人大常委会第二会议室");
        await Expect(detail.Message).ToContainTextAsync("会议已安排");
        await Expect(detail.Status).ToHaveTextAsync("已安排");

        // Five days ahead: the notice needs a reason (7-day rule), and the page says so.
        (await detail.SendNoticeRefusedAsync()).ShouldBe(409);
        await Expect(detail.Error).ToContainTextAsync("七日前");
        await Expect(detail.Status).ToHaveTextAsync("已安排");
        await detail.SendNoticeAsync("防汛抗旱紧急事项需及时审议");
        await Expect(detail.Status).ToHaveTextAsync("已通知");

        await detail.AddAgendaItemAsync("州人民政府关于防汛抗旱工作情况的报告");
        await detail.DraftResolutionAsync("关于加强防汛抗旱工作的决定", "为做好防汛抗旱工作，保障人民群众生命财产安全，作出如下决定：……");
        await Expect(detail.Agenda).ToContainTextAsync("州人民政府关于防汛抗旱工作情况的报告");
        await Expect(detail.Agenda).ToContainTextAsync("关于加强防汛抗旱工作的决定");
        await Expect(detail.Document("agenda")).ToBeVisibleAsync();
        await SnapAsync(staff, "2-agenda");
        await CspShouldBeCleanAsync(staff);
    }
}
