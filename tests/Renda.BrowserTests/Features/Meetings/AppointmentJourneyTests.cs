using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renda.BrowserTests.Infrastructure;
using Renda.BrowserTests.Pages;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Identity;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Renda.BrowserTests.Features.Meetings;

/// <summary>
/// 人事任免 and 宪法宣誓 in a real browser: the year's person-times, nominations held to the ten-day rule, the oath
/// text and record, and a collective oath recorded at the desk after the committee's secret vote.
/// </summary>
public sealed partial class AppointmentJourneyTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [Fact]
    public async Task Staff_see_the_2023_person_times_and_nominate_held_to_the_ten_day_rule()
    {
        var (staff, _) = await SignedInAsync("daigongwei");

        // Seed 000: in 2023 Haixi's standing committee decided 97 person-times and 32 took the oath.
        var year2023 = await AppointmentsPage.OpenAsync(staff.Page, 2023);
        await Expect(year2023.PersonTimes).ToHaveTextAsync("97 人次");
        await Expect(year2023.OathPersonTimes).ToHaveTextAsync("32 人次");
        await Expect(year2023.ByKind("Election")).ToHaveTextAsync("2");
        await Expect(year2023.ByKind("Appointment")).ToHaveTextAsync("30");
        await Expect(year2023.ByKind("Removal")).ToHaveTextAsync("45");
        await Expect(year2023.ByKind("Dismissal")).ToHaveTextAsync("2");
        await Expect(year2023.ByKind("AcceptResignation")).ToHaveTextAsync("18");
        await Expect(year2023.Rows).ToHaveCountAsync(97);
        await Expect(year2023.List.GetByTestId("oath-state").Filter(new() { HasText = "已宣誓" })).ToHaveCountAsync(32);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "1-2023");

        // For the next meeting, three weeks away: in time, no reason asked.
        var today = Today;
        var form = await AppointmentsPage.OpenAsync(staff.Page);
        await form.ChooseMeetingStartingOnAsync(today.AddDays(21));
        await form.FillAsync(new Nomination("欧阳明远", "州教育局副局长", "州人民政府"));
        await Expect(form.LateHint).ToBeHiddenAsync();
        await Expect(form.LateReason).ToHaveJSPropertyAsync("required", false);
        var inTime = await form.NominateAsync();
        await Expect(inTime.Message).ToContainTextAsync("任免事项已提请");
        await Expect(inTime.Title).ToHaveTextAsync("任命欧阳明远为州教育局副局长");
        await Expect(inTime.Status).ToHaveTextAsync("已提请");
        await Expect(inTime.Details).ToContainTextAsync("会前 21 日");
        await Expect(inTime.LateReason).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(staff);

        // For the meeting in session today: the page asks for the reason, the browser holds the form back without it,
        // and a form sent anyway is refused by the server with the rule.
        var late = await AppointmentsPage.OpenAsync(staff.Page);
        await late.ChooseMeetingStartingOnAsync(today);
        var nominee = new Nomination("司马晓岚", "州财政局副局长", "州人民政府");
        await late.FillAsync(nominee);
        await Expect(late.LateHint).ToBeVisibleAsync();
        await Expect(late.LateHint).ToContainTextAsync("会前 0 日");
        (await late.NominateHeldBackByTheBrowserAsync()).ShouldBeTrue("the late reason should be the missing field");
        (await late.NominateBypassingTheBrowserRefusedAsync()).ShouldBe(409);
        await Expect(late.Error).ToContainTextAsync("提请任免应当在会议举行十日前提出");
        await Expect(late.FormError).ToContainTextAsync("本件提请于会前 0 日，须记录例外理由");
        await Expect(late.Row(nominee.PersonName)).ToHaveCountAsync(0);
        await Expect(late.Form.Locator("#n-name")).ToHaveValueAsync(nominee.PersonName);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "2-refused");

        await late.LateReason.FillAsync("州财政局主要负责人工作调动，须在本次会议上任命");
        var accepted = await late.NominateAsync();
        await Expect(accepted.Message).ToContainTextAsync("任免事项已提请");
        await Expect(accepted.LateReason).ToContainTextAsync("州财政局主要负责人工作调动");

        var list = await AppointmentsPage.OpenAsync(staff.Page);
        await Expect(list.Row("欧阳明远")).ToContainTextAsync("已提请");
        await Expect(list.Row(nominee.PersonName)).ToContainTextAsync("已提请");
        await Expect(list.Row(nominee.PersonName).GetByTestId("late")).ToBeVisibleAsync();
        await Expect(list.Row("欧阳明远").GetByTestId("late")).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "3-list");
    }

    [Fact]
    public async Task A_member_reads_the_oath_text_and_the_2023_oaths_on_a_phone()
    {
        var (member, _) = await SignedInAsync("weiyuan", phone: true);
        var oaths = await OathsPage.OpenAsync(member.Page, 2023);
        await Expect(oaths.OathText).ToContainTextAsync(Oath.Text2018);
        await Expect(oaths.OathText).ToContainTextAsync("2018年修订");
        // Six meetings in 2023, each with a collective oath of those appointed there: 32 person-times.
        await Expect(oaths.Totals).ToHaveTextAsync("（6 次，32 人次）");
        await Expect(oaths.OathRows).ToHaveCountAsync(6);
        await Expect(oaths.OathRows.Filter(new() { HasText = "集体宣誓" })).ToHaveCountAsync(6);
        await Expect(oaths.OathRows.First).ToContainTextAsync("领誓人");
        // A member reads; only staff record.
        await Expect(oaths.Form.GetByTestId("record-oath")).ToHaveCountAsync(0);
        await ShouldFitThePhoneAsync(oaths);
        await CspShouldBeCleanAsync(member);
        await SnapAsync(member, "1-oaths-2023");

        var appointments = await AppointmentsPage.OpenAsync(member.Page, 2023);
        await Expect(appointments.PersonTimes).ToHaveTextAsync("97 人次");
        await Expect(appointments.Form).ToHaveCountAsync(0);
        await ShouldFitThePhoneAsync(appointments);
        await CspShouldBeCleanAsync(member);
        await SnapAsync(member, "2-appointments-2023");
    }

    [Fact]
    public async Task Staff_record_a_collective_oath_of_two_appointed_at_todays_meeting_and_see_it_counted()
    {
        // Set up through the API: a meeting today, two appointments carried by the members' secret vote.
        string[] names = ["诸葛文博", "上官雨晴"];
        var (meetingTitle, ids) = await TwoApprovedAppointmentsAwaitingTheOathAsync(names);

        var (staff, _) = await SignedInAsync("daigongwei");
        // This year's totals: without a year the page opens on the latest year that has oaths (issue #20).
        var before = await OathsPage.OpenAsync(staff.Page, Today.Year);
        var (oathsBefore, takersBefore) = await TotalsAsync(before);
        var statsBefore = await AppointmentsPage.OpenAsync(staff.Page);
        var oathPersonTimesBefore = int.Parse((await statsBefore.OathPersonTimes.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var first = await AppointmentDetailPage.OpenAsync(staff.Page, ids[0]);
        await Expect(first.Status).ToHaveTextAsync("已通过");
        await Expect(first.OathBadge).ToHaveTextAsync("待宣誓");
        await Expect(first.OathDue).ToContainTextAsync($"应于 {Today:yyyy-MM-dd} 前进行");
        await CspShouldBeCleanAsync(staff);

        // From the appointment to the oath form: the person ticked, the meeting and its place filled in.
        var oaths = await first.GoRecordOathAsync();
        await Expect(oaths.AwaitingRow(names[0])).ToBeVisibleAsync();
        await Expect(oaths.AwaitingRow(names[1])).ToBeVisibleAsync();
        await Expect(oaths.Taker(names[0])).ToBeCheckedAsync();
        await Expect(oaths.Taker(names[1])).Not.ToBeCheckedAsync();
        await Expect(oaths.MeetingChoice.Locator("option:checked")).ToHaveTextAsync(meetingTitle);
        await Expect(oaths.Place).ToHaveValueAsync(MeetingPlace);
        await Expect(oaths.Kind).ToHaveValueAsync("Individual");
        await Expect(oaths.LeaderField).ToBeHiddenAsync();

        // A second taker makes it collective, led by one of them.
        await oaths.Taker(names[1]).CheckAsync();
        await Expect(oaths.Kind).ToHaveValueAsync("Collective");
        await Expect(oaths.LeaderField).ToBeVisibleAsync();
        await oaths.Leader.FillAsync(names[0]);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "1-form");
        await oaths.RecordAsync();

        await Expect(oaths.Message).ToContainTextAsync("宪法宣誓已登记");
        await Expect(oaths.Totals).ToHaveTextAsync($"（{oathsBefore + 1} 次，{takersBefore + 2} 人次）");
        var recorded = oaths.OathRows.Filter(new() { HasText = names[0] });
        await Expect(recorded).ToContainTextAsync("集体宣誓");
        await Expect(recorded).ToContainTextAsync($"领誓人 {names[0]}");
        await Expect(recorded).ToContainTextAsync(names[1]);
        await Expect(recorded).ToContainTextAsync(meetingTitle);
        await Expect(oaths.AwaitingRow(names[0])).ToHaveCountAsync(0);
        await Expect(oaths.AwaitingRow(names[1])).ToHaveCountAsync(0);
        await CspShouldBeCleanAsync(staff);
        await SnapAsync(staff, "2-recorded");

        var stats = await AppointmentsPage.OpenAsync(staff.Page);
        await Expect(stats.OathPersonTimes).ToHaveTextAsync($"{oathPersonTimesBefore + 2} 人次");
        await Expect(stats.Row(names[1]).GetByTestId("oath-state")).ToHaveTextAsync("已宣誓");
        var second = await AppointmentDetailPage.OpenAsync(staff.Page, ids[1]);
        await Expect(second.OathBadge).ToHaveTextAsync("已宣誓");
        await Expect(second.Oath).ToContainTextAsync($"集体宣誓（领誓人{names[0]}）");
        await CspShouldBeCleanAsync(staff);
    }

    private const string MeetingPlace = "州人大常委会第三会议室";

    private static async Task<(int Oaths, int Takers)> TotalsAsync(OathsPage page)
    {
        var m = TotalsText().Match(await page.Totals.InnerTextAsync());
        m.Success.ShouldBeTrue("the oath totals should read （N 次，M 人次）");
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"（(\d+) 次，(\d+) 人次）")]
    private static partial Regex TotalsText();

    /// <summary>
    /// As staff over the API: schedules a meeting for today, nominates two for appointment (the oath organised by the
    /// standing committee), sends the short notice, opens the meeting with every seated member present, and holds the
    /// combined secret vote — 16 yes of 31, cast by weiyuan, zhuren and members given accounts here — then closes the
    /// meeting, so that no other test finds a second meeting in session. Returns the meeting's title and the appointments.
    /// </summary>
    private async Task<(string MeetingTitle, int[] Ids)> TwoApprovedAppointmentsAwaitingTheOathAsync(string[] names)
    {
        var today = Today;
        using var staff = await RendaApi.ClientAsync(App, "daigongwei");
        var meeting = await staff.PostAsync("/api/v1/congresses/632800/meetings", new { startsOn = today, endsOn = today, place = MeetingPlace }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetInt32();
        var title = meeting.GetProperty("title").GetString()!;
        int? voteId = null;
        try
        {
            var ids = new List<int>();
            foreach (var (name, post) in names.Zip(["州水利局局长", "州民政局局长"]))
            {
                var a = await staff.PostAsync("/api/v1/congresses/632800/appointments", new
                {
                    meetingId, kind = "Appointment", personName = name, post, nominator = "州人民政府", nominatedOn = today,
                    lateNominationReason = "机构调整，须在本次会议上任命", lawExamRequired = false, oathOrganiser = "StandingCommittee",
                }, HttpStatusCode.Created);
                ids.Add(a.GetProperty("id").GetInt32());
            }
            await staff.PostAsync($"/api/v1/meetings/{meetingId}/notice", new { shortNoticeReason = "人事任免事项须及时审议" }, HttpStatusCode.NoContent);
            await staff.PostAsync($"/api/v1/meetings/{meetingId}/open", null, HttpStatusCode.NoContent);
            var detail = await staff.GetJsonAsync($"/api/v1/meetings/{meetingId}");
            var seated = detail.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("personId").GetInt32()).ToList();
            seated.Count.ShouldBe(31);
            await staff.PostAsync($"/api/v1/meetings/{meetingId}/attendance",
                new { entries = seated.Select(p => new { personId = p, status = "Present" }).ToArray() }, HttpStatusCode.NoContent);
            var item = detail.GetProperty("agenda").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "Appointment").GetProperty("id").GetInt32();
            var vote = await staff.PostAsync($"/api/v1/meetings/{meetingId}/votes", new { agendaItemId = item, kind = "Appointment", appointmentIds = ids }, HttpStatusCode.Created);
            voteId = vote.GetProperty("id").GetInt32();
            await staff.PostAsync($"/api/v1/votes/{voteId}/open", null, HttpStatusCode.NoContent);

            // More than half of all 31 members: 16 yes.
            var voters = new List<HttpClient> { await RendaApi.ClientAsync(App, "weiyuan"), await RendaApi.ClientAsync(App, "zhuren") };
            var withoutAccount = await RendaApi.WithoutAccountAsync(App, seated);
            withoutAccount.Count.ShouldBeGreaterThanOrEqualTo(14);
            for (var i = 0; i < 14; i++)
                voters.Add(await RendaApi.CreateAccountAsync(App, $"oath-member-{i + 1:00}", Role.StandingCommitteeMember, withoutAccount[i]));
            foreach (var voter in voters)
            {
                await voter.PostAsync($"/api/v1/votes/{voteId}/ballots", new { choice = "Yes" }, HttpStatusCode.Created);
                voter.Dispose();
            }
            var closed = await staff.PostAsync($"/api/v1/votes/{voteId}/close", new { earlyCloseReason = "表决时间已到。" }, HttpStatusCode.OK);
            closed.GetProperty("yes").GetInt32().ShouldBe(16);
            closed.GetProperty("passed").GetBoolean().ShouldBeTrue();
            await staff.PostAsync($"/api/v1/meetings/{meetingId}/close", null, HttpStatusCode.NoContent);
            return (title, ids.ToArray());
        }
        catch
        {
            // Leave no second meeting in session (MeetingJourneyTests expects one) and no open vote behind.
            if (voteId is { } v) await TryAsync(() => staff.PostAsJsonQuietAsync($"/api/v1/votes/{v}/cancel"));
            await TryAsync(() => staff.PostAsJsonQuietAsync($"/api/v1/meetings/{meetingId}/close"));
            await TryAsync(() => staff.PostAsJsonQuietAsync($"/api/v1/meetings/{meetingId}/cancel"));
            throw;
        }
    }

    private static async Task TryAsync(Func<Task> step)
    {
        try { await step(); } catch (HttpRequestException) { } catch (JsonException) { }
    }
}
