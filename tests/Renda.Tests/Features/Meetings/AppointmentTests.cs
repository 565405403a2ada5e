using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Features.Meetings;

/// <summary>人事任免 and 宪法宣誓: the 10-day nomination rule, secret personnel votes, the law exam, certificates, the oath and its clock, person-times.</summary>
public abstract class AppointmentTests(RendaApp app)
{
    private async Task<Deadline[]> OathClocksAsync(int appointmentId)
    {
        await using var scope = app.Db();
        var id = appointmentId.ToString(CultureInfo.InvariantCulture);
        return await scope.Context.Deadlines.Where(d => d.SubjectType == "Appointment" && d.SubjectId == id).OrderBy(d => d.Id).ToArrayAsync();
    }

    private async Task<JsonElement> SecretVoteAsync(HttpClient staff, Member[] members, int meetingId, int[] appointmentIds, int yes, int no = 0, int abstain = 0)
    {
        var item = await staff.AppointmentItemAsync(meetingId);
        var voteId = await staff.PrepareVoteAsync(meetingId, item, "Appointment", appointmentIds: appointmentIds);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes, no, abstain);
        return await staff.ClosedVoteAsync(voteId);
    }

    [Fact]
    public async Task A_nomination_less_than_ten_days_before_the_meeting_needs_a_reason_and_nothing_is_written_without_one()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = (await staff.ScheduleMeetingAsync(MeetingSteps.Today.AddDays(5))).Id();

        var refused = await (await staff.TryNominateAsync(id, "马晓东", "州人民政府秘书长", nominatedOn: MeetingSteps.Today)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("十日前");
        refused.Str("detail").ShouldContain("会前 5 日");
        (await staff.GetJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/appointments?meeting={id}")).GetArrayLength().ShouldBe(0);
        (await staff.MeetingAsync(id)).GetProperty("agenda").GetArrayLength().ShouldBe(0);
        await using (var scope = app.Db())
            (await scope.Context.Set<Appointment>().CountAsync(a => a.MeetingId == id)).ShouldBe(0);

        // Ten days ahead is in time; later, with the reason on record.
        (await staff.TryNominateAsync(id, "马晓东", "州人民政府秘书长", nominatedOn: MeetingSteps.Today.AddDays(-5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var late = await staff.TryNominateAsync(id, "韩永红", "州民政局局长", nominatedOn: MeetingSteps.Today, lateNominationReason: "原局长因工作调动离任，需及时任命").CreatedAsync();
        late.Str("lateNominationReason").ShouldBe("原局长因工作调动离任，需及时任命");
        late.Str("status").ShouldBe("Nominated");
        var agenda = (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().ToList();
        agenda.Count.ShouldBe(1); // one personnel item for both
        agenda[0].Str("kind").ShouldBe("Appointment");
        // A nomination dated in the future is refused.
        (await staff.TryNominateAsync(id, "李卫", "州财政局局长", nominatedOn: MeetingSteps.Today.AddDays(1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_personnel_vote_is_secret_its_counts_are_right_and_the_trail_never_links_a_member_to_a_choice()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(18);
        var id = await staff.MeetingInSessionAsync(days: 3);
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var a = await staff.NominateAsync(id, "王建国", "州人民政府副州长");
        var item = await staff.AppointmentItemAsync(id);
        (await staff.TryPrepareVoteAsync(id, item, "Whole")).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // personnel items are voted secretly
        var voteId = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [a]);
        var prepared = await staff.VoteAsync(voteId);
        prepared.GetProperty("secret").GetBoolean().ShouldBeTrue();
        prepared.Str("title").ShouldBe("任命王建国为州人民政府副州长（单独表决）");
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes: 16, no: 1, abstain: 1);
        (await members[0].Client.CastAsync(voteId, "No")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var vote = await staff.ClosedVoteAsync(voteId);
        vote.GetProperty("yes").GetInt32().ShouldBe(16);
        vote.GetProperty("no").GetInt32().ShouldBe(1);
        vote.GetProperty("abstain").GetInt32().ShouldBe(1);
        vote.GetProperty("presentNotVoting").GetInt32().ShouldBe(0);
        vote.GetProperty("absent").GetInt32().ShouldBe(MeetingSteps.Seats - 18);
        vote.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var results = vote.GetProperty("members").EnumerateArray().Select(m => m.Str("result")).ToList();
        results.Count(r => r == "Voted").ShouldBe(18);
        results.Count(r => r == "Absent").ShouldBe(MeetingSteps.Seats - 18);
        results.ShouldNotContain("Yes");
        results.ShouldNotContain("No");
        results.ShouldNotContain("Abstain");
        var sheet = await staff.DocxTextAsync($"/api/v1/votes/{voteId}/result.docx");
        sheet.ShouldContain("赞成 16 票，反对 1 票，弃权 1 票");
        sheet.ShouldContain("无记名");
        sheet.ShouldContain("已投票");

        await using (var scope = app.Db())
        {
            var db = scope.Context;
            (await db.Set<VoteBallot>().Where(b => b.VoteId == voteId).ToListAsync()).ShouldAllBe(b => b.Choice == null);
            (await db.Set<SecretBallotPaper>().CountAsync(p => p.VoteId == voteId)).ShouldBe(18);
            // Ballots and papers never enter the audit trail; the members' rows there say only that they voted.
            (await db.AuditRecords.CountAsync(r => r.EntityType == nameof(VoteBallot) || r.EntityType == nameof(SecretBallotPaper))).ShouldBe(0);
            var rowIds = await db.Set<VoteMember>().Where(m => m.VoteId == voteId).Select(m => m.Id.ToString()).ToListAsync();
            var trail = await db.AuditRecords.Where(r => r.EntityType == nameof(VoteMember) && rowIds.Contains(r.EntityId!)).Select(r => r.Changes ?? "").ToListAsync();
            trail.ShouldNotBeEmpty();
            trail.ShouldAllBe(c => !c.Contains("\"Yes\"") && !c.Contains("\"No\"") && !c.Contains("\"Abstain\""));
            trail.Count(c => c.Contains("\"Voted\"")).ShouldBe(18);
            // The vote's own record carries the totals and the ballots' digest.
            var closing = await db.AuditRecords.Where(r => r.EntityType == nameof(Vote) && r.EntityId == voteId.ToString() && r.Action == "transition").Select(r => r.Changes!).ToListAsync();
            closing.ShouldContain(c => c.Contains(vote.Str("ballotDigest")));
        }

        // Approved: the oath is due at this meeting, by its last day.
        var approved = await staff.AppointmentAsync(id, a);
        approved.Str("status").ShouldBe("Approved");
        approved.Str("decidedOn").ShouldBe(MeetingSteps.Today.Iso());
        approved.Str("oathDueOn").ShouldBe(MeetingSteps.Today.AddDays(2).Iso());
        var clock = (await OathClocksAsync(a)).Single();
        clock.Purpose.ShouldBe("oath");
        clock.DueOn.ShouldBe(MeetingSteps.Today.AddDays(2));
        clock.Status.ShouldBe(DeadlineStatus.Open);
        (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(i => i.Id() == item).Str("outcome").ShouldBe("Adopted");
    }

    [Fact]
    public async Task A_nomination_withdrawn_after_its_vote_was_prepared_leaves_the_vote_to_the_others_and_no_vote_is_left_open_for_ever()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var stays = await staff.NominateAsync(id, "冯志刚", "州审计局局长");
        var leaves = await staff.NominateAsync(id, "陈雪梅", "州统计局局长");
        var alone = await staff.NominateAsync(id, "杨光", "州林业和草原局局长");
        var item = await staff.AppointmentItemAsync(id);
        var combined = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [stays, leaves]);
        var single = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [alone]);

        // Withdrawn from a combined vote, the nomination leaves it; the vote goes on for the other.
        await staff.PostJsonAsync($"/api/v1/appointments/{leaves}/withdraw").DoneAsync();
        (await staff.AppointmentAsync(id, leaves)).Str("status").ShouldBe("Withdrawn");
        (await staff.AppointmentAsync(id, leaves)).GetProperty("voteId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await staff.VoteAsync(combined)).GetProperty("appointments").EnumerateArray().Select(x => x.GetString()).ShouldBe(["任命冯志刚为州审计局局长"]);
        // A vote left with nobody is cancelled: it can never open, and nothing is left to close.
        await staff.PostJsonAsync($"/api/v1/appointments/{alone}/withdraw").DoneAsync();
        (await staff.VoteAsync(single)).Str("status").ShouldBe("Cancelled");
        await (await staff.OpenVoteAsync(single)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await staff.OpenVoteAsync(combined).DoneAsync();
        (await staff.PostJsonAsync($"/api/v1/appointments/{stays}/withdraw")).StatusCode.ShouldBe(HttpStatusCode.Conflict); // while voting
        await members.CastBallotsAsync(combined, yes: 16);
        (await staff.ClosedVoteAsync(combined)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await staff.AppointmentAsync(id, stays)).Str("status").ShouldBe("Approved");
        (await staff.AppointmentAsync(id, leaves)).Str("status").ShouldBe("Withdrawn");
        (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(i => i.Id() == item).Str("outcomeNote").ShouldBe("通过 1 人次，未通过 0 人次");
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/close").DoneAsync();
    }

    [Fact]
    public async Task Personnel_matters_from_nomination_to_certificate_and_oath_are_counted_in_person_times()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var before = await staff.AppointmentStatisticsAsync(2026);
        var members = await app.MemberClientsAsync(17);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var single = await staff.NominateAsync(id, "赵海平", "州发展和改革委员会主任");
        var pairA = await staff.NominateAsync(id, "孙丽娟", "州教育局局长", oathOrganiser: "OtherOrgan");
        var pairB = await staff.NominateAsync(id, "周德明", "州人大常委会副秘书长", kind: "Election");
        var judge = await staff.NominateAsync(id, "吴静", "州中级人民法院审判员", lawExamRequired: true);
        var removal = await staff.NominateAsync(id, "郑国强", "州交通运输局局长", kind: "Removal");
        var rejected = await staff.NominateAsync(id, "钱明", "州自然资源局局长");

        (await SecretVoteAsync(staff, members, id, [single], yes: 17)).GetProperty("passed").GetBoolean().ShouldBeTrue();

        // A combined vote over two matters decides both.
        var item = await staff.AppointmentItemAsync(id);
        var combinedId = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [pairB, pairA]);
        var combined = await staff.VoteAsync(combinedId);
        combined.Str("title").ShouldBe("孙丽娟、周德明等2人的任免事项（合并表决）"); // in the order nominated, whatever order the rows come back in
        combined.GetProperty("appointments").EnumerateArray().Select(x => x.GetString()).ShouldBe(["任命孙丽娟为州教育局局长", "选举周德明为州人大常委会副秘书长"]);
        (await staff.TryPrepareVoteAsync(id, item, "Appointment", appointmentIds: [pairA])).StatusCode.ShouldBe(HttpStatusCode.Conflict); // already on a vote
        await staff.OpenVoteAsync(combinedId).DoneAsync();
        await members.CastBallotsAsync(combinedId, yes: 16, no: 1);
        (await staff.ClosedVoteAsync(combinedId)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await staff.AppointmentAsync(id, pairA)).Str("status").ShouldBe("Approved");
        (await staff.AppointmentAsync(id, pairB)).Str("status").ShouldBe("Approved");
        var otherOrgan = (await OathClocksAsync(pairA)).Single();
        otherOrgan.Rule.ShouldContain("15 个工作日");
        otherOrgan.DueOn.ShouldBe(new DateOnly(2026, 12, 7)); // 15 working days after Monday 2026-11-16

        // A judge needs the law exam on record before the vote opens.
        var judgeVote = await staff.PrepareVoteAsync(id, item, "Appointment", appointmentIds: [judge]);
        var noExam = await (await staff.OpenVoteAsync(judgeVote)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        noExam.Str("detail").ShouldContain("吴静");
        noExam.Str("detail").ShouldContain("法律职业资格考试");
        (await staff.VoteAsync(judgeVote)).Str("status").ShouldBe("Prepared");
        await staff.PostJsonAsync($"/api/v1/appointments/{judge}/law-exam", new { result = "2015年通过国家司法考试（A证）" }).DoneAsync();
        await staff.OpenVoteAsync(judgeVote).DoneAsync();
        await members.CastBallotsAsync(judgeVote, yes: 17);
        (await staff.ClosedVoteAsync(judgeVote)).GetProperty("passed").GetBoolean().ShouldBeTrue();

        (await SecretVoteAsync(staff, members, id, [removal], yes: 16, abstain: 1)).GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await OathClocksAsync(removal)).ShouldBeEmpty(); // a removal takes no oath
        // 15 yes of 31 seats: not appointed.
        (await SecretVoteAsync(staff, members, id, [rejected], yes: 15, no: 2)).GetProperty("passed").GetBoolean().ShouldBeFalse();
        (await staff.AppointmentAsync(id, rejected)).Str("status").ShouldBe("Rejected");
        (await OathClocksAsync(rejected)).ShouldBeEmpty();
        (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(i => i.Id() == item).Str("outcomeNote").ShouldBe("通过 5 人次，未通过 1 人次");

        // Certificates for approved elections and appointments, once, not before the decision.
        await staff.PostJsonAsync($"/api/v1/appointments/{single}/certificate", new { number = "海西人大任字〔2026〕11号", issuedOn = MeetingSteps.Today.Iso() }).DoneAsync();
        (await staff.AppointmentAsync(id, single)).Str("certificateNumber").ShouldBe("海西人大任字〔2026〕11号");
        (await staff.PostJsonAsync($"/api/v1/appointments/{single}/certificate", new { number = "海西人大任字〔2026〕12号", issuedOn = MeetingSteps.Today.Iso() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/appointments/{removal}/certificate", new { number = "海西人大任字〔2026〕13号", issuedOn = MeetingSteps.Today.Iso() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/appointments/{rejected}/certificate", new { number = "海西人大任字〔2026〕14号", issuedOn = MeetingSteps.Today.Iso() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostJsonAsync($"/api/v1/appointments/{judge}/certificate", new { number = "海西人大任字〔2026〕15号", issuedOn = MeetingSteps.Today.AddDays(-1).Iso() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Oaths: individual, collective with a leader among the takers; never twice, never for a removal or a rejected nomination.
        var individual = await staff.RecordOathAsync("Individual", [single], meetingId: id).CreatedAsync();
        individual.GetProperty("takers").EnumerateArray().Select(t => t.GetString()).ShouldBe(["赵海平"]);
        individual.Str("text").ShouldStartWith("我宣誓：忠于中华人民共和国宪法");
        (await OathClocksAsync(single)).Single().Status.ShouldBe(DeadlineStatus.Met);
        (await staff.AppointmentAsync(id, single)).GetProperty("oathId").GetInt32().ShouldBe(individual.Id());
        (await staff.RecordOathAsync("Individual", [single], meetingId: id)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.RecordOathAsync("Individual", [pairA, pairB])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await staff.RecordOathAsync("Collective", [pairA, pairB])).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("leader").ShouldNotBeEmpty();
        (await (await staff.RecordOathAsync("Collective", [pairA, pairB], leader: "赵海平")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("leader").ShouldNotBeEmpty();
        (await staff.RecordOathAsync("Collective", [pairA, single], leader: "孙丽娟")).StatusCode.ShouldBe(HttpStatusCode.Conflict); // one of them has sworn
        var collective = await staff.RecordOathAsync("Collective", [pairB, pairA], leader: "周德明", meetingId: id).CreatedAsync();
        collective.Str("leader").ShouldBe("周德明");
        collective.GetProperty("takers").EnumerateArray().Select(t => t.GetString()).ShouldBe(["孙丽娟", "周德明"]); // in the order nominated
        (await OathClocksAsync(pairB)).Single().Status.ShouldBe(DeadlineStatus.Met);
        (await staff.RecordOathAsync("Individual", [removal])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.RecordOathAsync("Individual", [rejected])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.RecordOathAsync("Individual", [judge], takenOn: MeetingSteps.Today.AddDays(1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The year's person-times: 5 decided and approved (3 appointments, 1 election, 1 removal), 1 rejected, 3 oaths, the judge's still due.
        var after = await staff.AppointmentStatisticsAsync(2026);
        int Delta(string name) => after.GetProperty(name).GetInt32() - before.GetProperty(name).GetInt32();
        int KindDelta(string kind) => after.GetProperty("byKind").GetProperty(kind).GetInt32() - before.GetProperty("byKind").GetProperty(kind).GetInt32();
        Delta("personTimes").ShouldBe(5);
        KindDelta("Appointment").ShouldBe(3);
        KindDelta("Election").ShouldBe(1);
        KindDelta("Removal").ShouldBe(1);
        KindDelta("Dismissal").ShouldBe(0);
        Delta("rejected").ShouldBe(1);
        Delta("oathPersonTimes").ShouldBe(3);
        // Running clocks, due or overdue: the deadline monitor may turn one overdue between the two readings.
        (Delta("oathsDue") + Delta("oathsOverdue")).ShouldBe(1);
        after.GetProperty("personTimes").GetInt32().ShouldBe(after.GetProperty("byKind").EnumerateObject().Sum(k => k.Value.GetInt32()));
        var oaths = await staff.GetJsonAsync($"/api/v1/congresses/{MeetingSteps.Haixi}/oaths?year=2026");
        oaths.EnumerateArray().Select(o => o.Id()).ShouldContain(collective.Id());
    }
}

public sealed class AppointmentTests_Sqlite(SqliteApp app) : AppointmentTests(app), IClassFixture<SqliteApp>;
public sealed class AppointmentTests_Postgres(PostgresApp app) : AppointmentTests(app), IClassFixture<PostgresApp>;
