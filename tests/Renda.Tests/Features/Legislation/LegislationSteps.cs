using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Identity;
using Renda.Web.Platform.Organisations;

namespace Renda.Tests.Features.Legislation;

/// <summary>Intent-named steps of the legislation module over the HTTP API (Haixi 632800 makes bills; Qinghai 630000 approves them).</summary>
public static class LegislationSteps
{
    public const string Haixi = "632800";
    public const string Qinghai = "630000";

    /// <summary>A small regulation in plain text: two chapters, five articles, an article with items.</summary>
    public const string Draft = """
        海西蒙古族藏族自治州城市绿化条例（草案）
        第一章 总则
        第一条 为了促进城市绿化事业发展，改善生态环境，制定本条例。
        第二条 本州行政区域内城市绿化的规划、建设、保护和管理，适用本条例。
        第二章 建设与保护
        第三条 城市绿地建设应当符合下列要求：
        （一）优先使用乡土树种；
        （二）节约用水，推广滴灌。
        第四条 任何单位和个人不得擅自占用城市绿地。
        第五条 本条例自公布之日起施行。
        """;

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    public static Task<JsonElement> CreateBillAsync(this HttpClient staff, string title = "海西蒙古族藏族自治州城市绿化条例", string kind = "New", string code = Haixi)
        => staff.PostJsonAsync($"/api/v1/congresses/{code}/bills", new { title, kind, sponsor = "州人民政府" }).CreatedAsync();

    public static Task<HttpResponseMessage> TryAddVersionAsync(this HttpClient staff, int billId, string text, string? label = null)
        => staff.PostJsonAsync($"/api/v1/bills/{billId}/versions", new { label, text });

    public static Task<JsonElement> AddVersionAsync(this HttpClient staff, int billId, string text = Draft, string? label = null)
        => staff.TryAddVersionAsync(billId, text, label).CreatedAsync();

    public static Task<JsonElement> DeriveAsync(this HttpClient staff, int billId, int fromVersionId, string? label = null)
        => staff.PostJsonAsync($"/api/v1/bills/{billId}/versions/{fromVersionId}/derive", new { label }).CreatedAsync();

    public static Task<JsonElement> VersionAsync(this HttpClient client, int billId, int versionId) => client.GetJsonAsync($"/api/v1/bills/{billId}/versions/{versionId}");

    public static Task<JsonElement> BillAsync(this HttpClient client, int billId) => client.GetJsonAsync($"/api/v1/bills/{billId}");

    /// <summary>The articles of a version in order: (nodeId, label, text).</summary>
    public static async Task<List<(string NodeId, string Label, string Text)>> ArticlesAsync(this HttpClient client, int billId, int versionId)
        => (await client.VersionAsync(billId, versionId)).GetProperty("provisions").EnumerateArray().Where(p => p.Str("kind") == "Article")
            .Select(p => (p.Str("nodeId"), p.Str("label"), p.Str("text"))).ToList();

    public static async Task<string> InsertArticleAsync(this HttpClient staff, int billId, int versionId, string? afterNodeId, string text)
        => (await staff.PostJsonAsync($"/api/v1/bills/{billId}/versions/{versionId}/articles", new { afterNodeId, text, first = false }).CreatedAsync()).Str("nodeId");

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient staff, int billId, int versionId, string nodeId, string? afterNodeId)
        => staff.PostJsonAsync($"/api/v1/bills/{billId}/versions/{versionId}/nodes/{nodeId}/move", new { afterNodeId, first = false });

    public static Task<HttpResponseMessage> DeleteNodeAsync(this HttpClient staff, int billId, int versionId, string nodeId)
        => staff.DeleteAsync($"/api/v1/bills/{billId}/versions/{versionId}/nodes/{nodeId}");

    public static Task<HttpResponseMessage> RewordAsync(this HttpClient staff, int billId, int versionId, string nodeId, string text)
        => staff.PutJsonAsync($"/api/v1/bills/{billId}/versions/{versionId}/nodes/{nodeId}", new { text });

    public static Task<JsonElement> CompareAsync(this HttpClient client, int billId, int a, int b) => client.GetJsonAsync($"/api/v1/bills/{billId}/versions/{a}/compare/{b}");

    public static Task<HttpResponseMessage> TryScheduleReadingAsync(this HttpClient staff, int billId, int meetingId, int versionId, bool final = false, string? fewerReadingsReason = null)
        => staff.PostJsonAsync($"/api/v1/bills/{billId}/readings", new { meetingId, versionId, final, fewerReadingsReason });

    public static Task<JsonElement> ScheduleReadingAsync(this HttpClient staff, int billId, int meetingId, int versionId, bool final = false, string? fewerReadingsReason = null)
        => staff.TryScheduleReadingAsync(billId, meetingId, versionId, final, fewerReadingsReason).CreatedAsync();

    /// <summary>The meeting deliberated the reading (审议): what the next reading waits for.</summary>
    public static Task DeliberatedAsync(this HttpClient staff, JsonElement reading)
        => staff.PostJsonAsync($"/api/v1/meetings/{reading.GetProperty("meetingId").GetInt32()}/agenda/{reading.GetProperty("agendaItemId").GetInt32()}/outcome",
            new { outcome = "Deliberated", note = "分组审议" }).DoneAsync();

    public static Task<HttpResponseMessage> TryPrepareBillVoteAsync(this HttpClient staff, int billId) => staff.PostJsonAsync($"/api/v1/bills/{billId}/vote");

    /// <summary>A bill with one version, read once, twice … and finally voted on: the readings' meetings are sitting today.</summary>
    public static async Task<(int BillId, int VersionId, JsonElement FinalReading)> BillAtFinalReadingAsync(this HttpClient staff, int readings = 3, string? reason = null, string title = "海西蒙古族藏族自治州城市绿化条例")
    {
        var bill = (await staff.CreateBillAsync(title)).Id();
        var version = (await staff.AddVersionAsync(bill)).Id();
        JsonElement reading = default;
        for (var i = 1; i <= readings; i++)
        {
            var meeting = await staff.MeetingInSessionAsync();
            reading = await staff.ScheduleReadingAsync(bill, meeting, version, final: i == readings, fewerReadingsReason: i == readings ? reason : null);
            if (i < readings) await staff.DeliberatedAsync(reading);
        }
        return (bill, version, reading);
    }

    /// <summary>Runs the whole vote of a bill's final reading with these members present and voting yes.</summary>
    public static async Task<JsonElement> VoteBillAsync(this HttpClient staff, RendaApp app, int billId, int meetingId, IReadOnlyList<Member> members, int yes, int no = 0)
    {
        await staff.RecordPresentAsync(app, meetingId, members.Select(m => m.PersonId));
        var vote = (await staff.TryPrepareBillVoteAsync(billId).CreatedAsync()).Id();
        await staff.OpenVoteAsync(vote).DoneAsync();
        await members.CastBallotsAsync(vote, yes, no);
        return await staff.ClosedVoteAsync(vote);
    }

    public static Task<JsonElement> OpenCommentPeriodAsync(this HttpClient staff, int billId, int versionId, DateOnly opensOn, int days, string? reason = null)
        => staff.PostJsonAsync($"/api/v1/bills/{billId}/comment-periods", new { versionId, opensOn = opensOn.Iso(), closesOn = opensOn.AddDays(days - 1).Iso(), shortPeriodReason = reason, contactPointIds = Array.Empty<int>() }).CreatedAsync();

    public static Task<HttpResponseMessage> CommentAsCitizenAsync(this HttpClient anonymous, int periodId, string? nodeId, string text, string? name = null)
        => anonymous.PostJsonAsync($"/api/v1/public/comment-periods/{periodId}/comments", new { nodeId, text, name, contact = (string?)null });

    /// <summary>Members of the Qinghai standing committee signed in from accounts of their own (made directly: the administrators are Haixi's).</summary>
    public static async Task<Member[]> QinghaiMembersAsync(this RendaApp app, int n)
    {
        List<MemberView> seated;
        int qinghaiId;
        await using (var scope = app.Db())
        {
            qinghaiId = await scope.Context.Congresses.Where(c => c.Code == Qinghai).Select(c => c.Id).FirstAsync();
            seated = (await Renda.Web.Platform.Organisations.Members.SeatedOnAsync(scope.Context, qinghaiId, MeetingSteps.Today)).Where(s => s.Post != StandingCommitteePost.Chair).Take(n).ToList();
            foreach (var s in seated)
            {
                var userName = $"qh{s.PersonId}";
                if (await scope.Context.Accounts.AnyAsync(a => a.UserName == userName)) continue;
                var account = new Account { UserName = userName, DisplayName = s.Name, CongressId = qinghaiId, PersonId = s.PersonId, MustChangePassword = false, PasswordChangedAt = app.Clock.GetUtcNow().UtcDateTime, PasswordHash = "" };
                account.PasswordHash = Passwords.Hash(account, Infrastructure.Accounts.Password);
                account.Roles.Add(new RoleAssignment { Role = Role.StandingCommitteeMember });
                scope.Context.Accounts.Add(account);
            }
            await scope.Context.SaveChangesAsync();
        }
        var members = new List<Member>();
        foreach (var s in seated) members.Add(new Member(s.PersonId, s.Name, await app.ApiClientAsync($"qh{s.PersonId}", Infrastructure.Accounts.Password)));
        return [.. members];
    }

    public static async Task<int> SeatsAsync(this RendaApp app, string code)
    {
        await using var scope = app.Db();
        var id = await scope.Context.Congresses.Where(c => c.Code == code).Select(c => c.Id).FirstAsync();
        return await Renda.Web.Platform.Organisations.Members.AllMembersOnAsync(scope.Context, id, MeetingSteps.Today);
    }

    public static async Task ShouldBeRefusedAsync(this Task<HttpResponseMessage> response, HttpStatusCode status, string? field = null, string? containing = null)
    {
        var problem = await (await response).ShouldBeProblemAsync(status);
        if (field is not null) problem.FieldErrors(field).ShouldNotBeEmpty(problem.ToString());
        if (containing is not null) problem.ToString().ShouldContain(containing);
    }
}
