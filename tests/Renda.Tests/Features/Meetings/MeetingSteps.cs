using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;

namespace Renda.Tests.Features.Meetings;

/// <summary>A seated member of the Haixi standing committee, signed in from their own account.</summary>
public sealed record Member(int PersonId, string Name, HttpClient Client);

/// <summary>Intent-named steps of the meetings module over the HTTP API (Haixi, 632800: 31 seats on any day of the test clock).</summary>
public static class MeetingSteps
{
    public const string Haixi = "632800";
    public const int Seats = 31;
    /// <summary>The test clock's Monday (RendaApp.Clock starts there, 10:00 Beijing); these tests never move it.</summary>
    public static readonly DateOnly Today = new(2026, 11, 16);

    public static string Iso(this DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // ---- plain HTTP with the status asserted against the body ----

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null)
        => client.PostAsJsonAsync(url, body ?? new { });

    /// <summary>Asserts 204 No Content, printing the problem body otherwise.</summary>
    public static async Task DoneAsync(this Task<HttpResponseMessage> response)
    {
        var r = await response;
        r.StatusCode.ShouldBe(HttpStatusCode.NoContent, await r.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> CreatedAsync(this Task<HttpResponseMessage> response)
        => await (await response).ShouldBeOkJsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
        => await (await client.GetAsync(url)).ShouldBeOkJsonAsync();

    public static int Id(this JsonElement e) => e.GetProperty("id").GetInt32();
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
    public static int? IntOrNull(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    // ---- meetings ----

    public static Task<HttpResponseMessage> TryScheduleMeetingAsync(this HttpClient staff, DateOnly startsOn, DateOnly? endsOn = null, string place = "州人大常委会第一会议室")
        => staff.PostJsonAsync($"/api/v1/congresses/{Haixi}/meetings", new { startsOn = startsOn.Iso(), endsOn = (endsOn ?? startsOn).Iso(), place });

    /// <summary>Schedules a meeting and returns its detail (id, number, title, status …).</summary>
    public static Task<JsonElement> ScheduleMeetingAsync(this HttpClient staff, DateOnly startsOn, DateOnly? endsOn = null, string place = "州人大常委会第一会议室")
        => staff.TryScheduleMeetingAsync(startsOn, endsOn, place).CreatedAsync();

    public static Task<HttpResponseMessage> SendNoticeAsync(this HttpClient staff, int meetingId, string? shortNoticeReason = null)
        => staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/notice", new { shortNoticeReason });

    public static Task<JsonElement> MeetingAsync(this HttpClient client, int meetingId) => client.GetJsonAsync($"/api/v1/meetings/{meetingId}");

    /// <summary>A meeting sitting today: scheduled for today, noticed at short notice with a reason, opened.</summary>
    public static async Task<int> MeetingInSessionAsync(this HttpClient staff, int days = 1)
    {
        var id = (await staff.ScheduleMeetingAsync(Today, Today.AddDays(days - 1))).Id();
        await staff.SendNoticeAsync(id, "州委决定临时召开，审议紧急人事任免事项").DoneAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/open").DoneAsync();
        return id;
    }

    public static async Task<int> AddAgendaItemAsync(this HttpClient staff, int meetingId, string title = "审议州人民政府关于2026年上半年国民经济和社会发展计划执行情况的报告", string kind = "WorkReport")
        => (await staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/agenda", new { kind, title }).CreatedAsync()).Id();

    /// <summary>The members seated on a day, in rank order (主任, 副主任, 秘书长, 委员).</summary>
    public static async Task<List<MemberView>> SeatedMembersAsync(this RendaApp app, DateOnly? on = null)
    {
        await using var scope = app.Db();
        var haixi = await scope.Context.Congresses.Where(c => c.Code == Haixi).Select(c => c.Id).FirstAsync();
        return await Renda.Web.Platform.Organisations.Members.SeatedOnAsync(scope.Context, haixi, on ?? Today);
    }

    /// <summary>A former member: seated earlier in the term, left before the test's days.</summary>
    public static async Task<int> FormerMemberPersonIdAsync(this RendaApp app)
    {
        await using var scope = app.Db();
        return await scope.Context.StandingCommitteeMembers.Where(m => m.Congress!.Code == Haixi && m.LeftOn != null && m.LeftOn <= Today)
            .Select(m => m.PersonId).FirstAsync();
    }

    public static Task<HttpResponseMessage> TryRecordAttendanceAsync(this HttpClient staff, int meetingId, IEnumerable<int> personIds, string status = "Present")
        => staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/attendance", new { entries = personIds.Select(p => new { personId = p, status, note = (string?)null }).ToArray() });

    public static Task RecordAttendanceAsync(this HttpClient staff, int meetingId, IEnumerable<int> personIds, string status = "Present")
        => staff.TryRecordAttendanceAsync(meetingId, personIds, status).DoneAsync();

    /// <summary>Marks exactly these members present and every other seated member on leave.</summary>
    public static async Task RecordPresentAsync(this HttpClient staff, RendaApp app, int meetingId, IEnumerable<int> present)
    {
        var here = present.ToHashSet();
        var seated = await app.SeatedMembersAsync();
        await staff.RecordAttendanceAsync(meetingId, seated.Where(s => here.Contains(s.PersonId)).Select(s => s.PersonId));
        var away = seated.Where(s => !here.Contains(s.PersonId)).Select(s => s.PersonId).ToList();
        if (away.Count > 0) await staff.RecordAttendanceAsync(meetingId, away, "OnLeave");
    }

    public static async Task RecordAllPresentAsync(this HttpClient staff, RendaApp app, int meetingId)
        => await staff.RecordAttendanceAsync(meetingId, (await app.SeatedMembersAsync()).Select(s => s.PersonId));

    /// <summary>
    /// The first n seated members other than the chair (whose account is the demo's zhuren), each signed in from an
    /// account of their own with the role StandingCommitteeMember; the accounts are made once per application.
    /// </summary>
    public static async Task<Member[]> MemberClientsAsync(this RendaApp app, int n)
    {
        var seated = (await app.SeatedMembersAsync()).Where(s => s.Post != StandingCommitteePost.Chair).Take(n).ToList();
        seated.Count.ShouldBe(n, "not enough seated members");
        var members = new List<Member>();
        foreach (var s in seated)
            members.Add(new Member(s.PersonId, s.Name, await app.MemberAccountAsync($"wy{s.PersonId}", s.PersonId)));
        return [.. members];
    }

    /// <summary>
    /// An account with the StandingCommitteeMember role for a person (seated or not), made if it does not exist yet.
    /// Its signed-in client is kept per application while the token is young (tokens expire after 8 hours of the test
    /// clock): the password hash makes each sign-in cost, and votes need sixteen members or more.
    /// </summary>
    public static async Task<HttpClient> MemberAccountAsync(this RendaApp app, string userName, int personId)
    {
        var signedIn = SignedIn.GetOrCreateValue(app);
        lock (signedIn)
            if (signedIn.TryGetValue(userName, out var kept) && app.Clock.GetUtcNow() - kept.At < TimeSpan.FromHours(4))
                return kept.Client;
        bool exists;
        await using (var scope = app.Db())
            exists = await scope.Context.Accounts.AnyAsync(a => a.UserName == userName);
        var at = app.Clock.GetUtcNow();
        var client = exists ? await app.ApiClientAsync(userName, Infrastructure.Accounts.Password) : await app.CreateAccountAsync(userName, Role.StandingCommitteeMember, personId: personId);
        lock (signedIn) signedIn[userName] = (client, at);
        return client;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RendaApp, Dictionary<string, (HttpClient Client, DateTimeOffset At)>> SignedIn = [];

    // ---- votes ----

    public static Task<HttpResponseMessage> TryPrepareVoteAsync(this HttpClient staff, int meetingId, int agendaItemId, string kind = "Whole", string? title = null, int[]? appointmentIds = null)
        => staff.PostJsonAsync($"/api/v1/meetings/{meetingId}/votes", new { agendaItemId, kind, title, appointmentIds });

    public static async Task<int> PrepareVoteAsync(this HttpClient staff, int meetingId, int agendaItemId, string kind = "Whole", string? title = null, int[]? appointmentIds = null)
        => (await staff.TryPrepareVoteAsync(meetingId, agendaItemId, kind, title, appointmentIds).CreatedAsync()).Id();

    public static Task<HttpResponseMessage> OpenVoteAsync(this HttpClient staff, int voteId) => staff.PostJsonAsync($"/api/v1/votes/{voteId}/open");

    /// <summary>Closes a vote; the reason is given as staff would when someone present has not voted (null: none given).</summary>
    public static Task<HttpResponseMessage> CloseVoteAsync(this HttpClient staff, int voteId, string? earlyCloseReason = "表决时间已到。")
        => staff.PostJsonAsync($"/api/v1/votes/{voteId}/close", new { earlyCloseReason });

    public static async Task<JsonElement> ClosedVoteAsync(this HttpClient staff, int voteId) => await (await staff.CloseVoteAsync(voteId)).ShouldBeOkJsonAsync();

    public static Task<HttpResponseMessage> CastAsync(this HttpClient member, int voteId, string choice = "Yes")
        => member.PostJsonAsync($"/api/v1/votes/{voteId}/ballots", new { choice });

    public static async Task CastOkAsync(this HttpClient member, int voteId, string choice = "Yes")
    {
        var r = await member.CastAsync(voteId, choice);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    public static Task<JsonElement> VoteAsync(this HttpClient client, int voteId) => client.GetJsonAsync($"/api/v1/votes/{voteId}");

    /// <summary>Members vote in turn: the first `yes` Yes, the next `no` No, the next `abstain` Abstain; the rest do not vote.</summary>
    public static async Task CastBallotsAsync(this IReadOnlyList<Member> members, int voteId, int yes, int no = 0, int abstain = 0)
    {
        (yes + no + abstain).ShouldBeLessThanOrEqualTo(members.Count);
        for (var i = 0; i < yes + no + abstain; i++)
            await members[i].Client.CastOkAsync(voteId, i < yes ? "Yes" : i < yes + no ? "No" : "Abstain");
    }

    /// <summary>A whole vote on an item, run start to end with the given members present: returns the closed vote.</summary>
    public static async Task<JsonElement> RunWholeVoteAsync(this HttpClient staff, int meetingId, int agendaItemId, IReadOnlyList<Member> members, int yes, int no = 0, int abstain = 0)
    {
        var voteId = await staff.PrepareVoteAsync(meetingId, agendaItemId);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes, no, abstain);
        return await staff.ClosedVoteAsync(voteId);
    }

    // ---- appointments and oaths ----

    public static Task<HttpResponseMessage> TryNominateAsync(this HttpClient staff, int meetingId, string personName, string post, string kind = "Appointment",
        DateOnly? nominatedOn = null, string? lateNominationReason = null, bool lawExamRequired = false, string? lawExamResult = null, string oathOrganiser = "StandingCommittee")
        => staff.PostJsonAsync($"/api/v1/congresses/{Haixi}/appointments", new
        {
            meetingId, kind, personName, gender = "Male", birthDate = "1975-03-02", post, nominator = "海西州人民政府",
            nominatedOn = (nominatedOn ?? Today.AddDays(-12)).Iso(), lateNominationReason, biography = "1975年3月生，大学学历，中共党员。",
            lawExamRequired, lawExamResult, oathOrganiser, effectiveOn = (string?)null,
        });

    /// <summary>Nominates for a meeting (by default twelve days before it, in time) and returns the appointment's id.</summary>
    public static async Task<int> NominateAsync(this HttpClient staff, int meetingId, string personName, string post, string kind = "Appointment",
        bool lawExamRequired = false, string? lawExamResult = null, string oathOrganiser = "StandingCommittee")
        => (await staff.TryNominateAsync(meetingId, personName, post, kind, lawExamRequired: lawExamRequired, lawExamResult: lawExamResult, oathOrganiser: oathOrganiser).CreatedAsync()).Id();

    public static async Task<JsonElement> AppointmentAsync(this HttpClient staff, int meetingId, int appointmentId)
        => (await staff.GetJsonAsync($"/api/v1/congresses/{Haixi}/appointments?meeting={meetingId}")).EnumerateArray().Single(a => a.Id() == appointmentId);

    /// <summary>The meeting's pending personnel item (人事任免事项), made with its first nomination.</summary>
    public static async Task<int> AppointmentItemAsync(this HttpClient staff, int meetingId)
        => (await staff.MeetingAsync(meetingId)).GetProperty("agenda").EnumerateArray().Single(a => a.Str("kind") == "Appointment" && a.Str("outcome") == "Pending").Id();

    public static Task<JsonElement> AppointmentStatisticsAsync(this HttpClient client, int year)
        => client.GetJsonAsync($"/api/v1/congresses/{Haixi}/appointments/statistics?year={year}");

    public static Task<HttpResponseMessage> RecordOathAsync(this HttpClient staff, string kind, int[] appointmentIds, string? leader = null, int? meetingId = null, DateOnly? takenOn = null)
        => staff.PostJsonAsync($"/api/v1/congresses/{Haixi}/oaths", new
        {
            kind, takenOn = (takenOn ?? Today).Iso(), place = "州人大常委会会议厅", leader, organisedBy = "StandingCommittee", meetingId, appointmentIds,
        });

    // ---- documents ----

    /// <summary>GETs a .docx, checks it is a Word document and returns its body text.</summary>
    public static async Task<string> DocxTextAsync(this HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        r.Content.Headers.ContentType?.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
