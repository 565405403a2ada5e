using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Meetings;

namespace Renda.Tests.Features.Meetings;

/// <summary>
/// Quorum and passing against all seated members (31 in Haixi), roll-call ballots from the members' own accounts,
/// and the rules that keep a ballot single and a closed vote unchanged.
/// </summary>
public abstract class VotingTests(RendaApp app)
{
    private static Dictionary<int, JsonElement> ByPerson(JsonElement vote)
        => vote.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("personId").GetInt32());

    private async Task<int> BallotsInDbAsync(int voteId)
    {
        await using var scope = app.Db();
        return await scope.Context.Set<VoteBallot>().CountAsync(b => b.VoteId == voteId);
    }

    [Fact]
    public async Task A_vote_opens_only_when_more_than_half_of_all_seated_members_are_present()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(id, "关于海西州城乡规划管理若干规定（草案）", "BillReading");
        var seated = await app.SeatedMembersAsync();
        seated.Count.ShouldBe(MeetingSteps.Seats);
        // 15 of 31 is not more than half.
        await staff.RecordPresentAsync(app, id, seated.Take(15).Select(s => s.PersonId));
        var vote = await staff.PrepareVoteAsync(id, item);

        var refused = await (await staff.OpenVoteAsync(vote)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.Str("detail").ShouldContain("不足法定人数");
        var still = await staff.VoteAsync(vote);
        still.Str("status").ShouldBe("Prepared");
        still.GetProperty("openedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        still.GetProperty("members").GetArrayLength().ShouldBe(0);

        // The 16th arrives: 16 of 31 is a quorum.
        await staff.RecordAttendanceAsync(id, [seated[15].PersonId]);
        await staff.OpenVoteAsync(vote).DoneAsync();
        var open = await staff.VoteAsync(vote);
        open.Str("status").ShouldBe("Open");
        open.GetProperty("seatedMembers").GetInt32().ShouldBe(MeetingSteps.Seats);
        open.GetProperty("presentMembers").GetInt32().ShouldBe(16);
        open.GetProperty("members").GetArrayLength().ShouldBe(MeetingSteps.Seats);
        (await staff.OpenVoteAsync(vote)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_majority_of_the_votes_cast_that_is_not_a_majority_of_all_members_does_not_pass()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(18);
        var id = await staff.MeetingInSessionAsync();
        var title = (await staff.MeetingAsync(id)).Str("title");
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(id, "关于海西州草原生态保护条例（草案）", "BillReading");

        // 15 yes, 1 no, 1 abstain, 1 present without voting: yes is 15 of 17 cast, but not more than half of 31.
        var voteId = await staff.PrepareVoteAsync(id, item);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.CastBallotsAsync(voteId, yes: 15, no: 1, abstain: 1);
        (await staff.VoteAsync(voteId)).GetProperty("yes").ValueKind.ShouldBe(JsonValueKind.Null); // no running totals
        var vote = await staff.ClosedVoteAsync(voteId);
        vote.Str("status").ShouldBe("Closed");
        vote.GetProperty("yes").GetInt32().ShouldBe(15);
        vote.GetProperty("no").GetInt32().ShouldBe(1);
        vote.GetProperty("abstain").GetInt32().ShouldBe(1);
        vote.GetProperty("presentNotVoting").GetInt32().ShouldBe(1);
        vote.GetProperty("absent").GetInt32().ShouldBe(MeetingSteps.Seats - 18);
        vote.GetProperty("ballotsCast").GetInt32().ShouldBe(17);
        vote.GetProperty("passed").GetBoolean().ShouldBeFalse();
        vote.Str("ballotDigest").Length.ShouldBe(64);
        vote.GetProperty("secret").GetBoolean().ShouldBeFalse();

        // The roll call, member by member.
        var roll = ByPerson(vote);
        roll.Count.ShouldBe(MeetingSteps.Seats);
        for (var i = 0; i < 18; i++)
            roll[members[i].PersonId].Str("result").ShouldBe(i < 15 ? "Yes" : i == 15 ? "No" : i == 16 ? "Abstain" : "PresentNotVoting");
        var here = members.Select(m => m.PersonId).ToHashSet();
        roll.Where(r => !here.Contains(r.Key)).ShouldAllBe(r => r.Value.GetProperty("result").GetString() == "Absent" && !r.Value.GetProperty("present").GetBoolean());
        var meeting = await staff.MeetingAsync(id);
        var outcome = meeting.GetProperty("agenda").EnumerateArray().Single(a => a.Id() == item);
        outcome.Str("outcome").ShouldBe("Rejected");
        outcome.Str("outcomeNote").ShouldContain("赞成15票");

        // The printed result sheet says so.
        var sheet = await staff.DocxTextAsync($"/api/v1/votes/{voteId}/result.docx");
        sheet.ShouldContain("表决结果单");
        sheet.ShouldContain(title);
        sheet.ShouldContain($"全体组成人员 {MeetingSteps.Seats} 人");
        sheet.ShouldContain("赞成 15 票，反对 1 票，弃权 1 票，出席未按表决器 1 人，未出席 13 人。");
        sheet.ShouldContain("表决结果：未通过");
        sheet.ShouldContain(members[0].Name);
        sheet.ShouldContain(vote.Str("ballotDigest"));
        // Its roll call, member by member as on the page, in columns sized to what they hold (序号 narrow, not a third of the page).
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await (await staff.GetAsync($"/api/v1/votes/{voteId}/result.docx")).Content.ReadAsByteArrayAsync()), false))
        {
            var rollTable = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Last();
            var lines = rollTable.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            lines[0].ShouldBe(["序号", "姓名", "表决情况"]);
            lines.Count.ShouldBe(MeetingSteps.Seats + 1);
            string Label(string name) => lines.Skip(1).First(l => l[1] == name)[2];
            Label(members[0].Name).ShouldBe("赞成");
            Label(members[15].Name).ShouldBe("反对");
            Label(members[16].Name).ShouldBe("弃权");
            var grid = rollTable.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableGrid>()!.Elements<DocumentFormat.OpenXml.Wordprocessing.GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            grid.Count.ShouldBe(3);
            grid[0].ShouldBeLessThan(grid[1] / 3);
        }

        // One more yes (16 of 31) passes the next item.
        var second = await staff.AddAgendaItemAsync(id, "关于海西州城市市容和环境卫生管理条例（草案）", "BillReading");
        var passed = await staff.RunWholeVoteAsync(id, second, members, yes: 16, no: 2);
        passed.GetProperty("passed").GetBoolean().ShouldBeTrue();
        passed.GetProperty("yes").GetInt32().ShouldBe(16);
        passed.GetProperty("absent").GetInt32().ShouldBe(13);
        var passedSheet = await staff.DocxTextAsync($"/api/v1/votes/{passed.Id()}/result.docx");
        passedSheet.ShouldContain("赞成 16 票，反对 2 票，弃权 0 票");
        passedSheet.ShouldContain("表决结果：通过");
        var results = await staff.DocxTextAsync($"/api/v1/meetings/{id}/documents/results.docx");
        results.ShouldContain("未通过");
        results.ShouldContain("表决：关于海西州城市市容和环境卫生管理条例（草案）");
    }

    [Fact]
    public async Task Each_member_votes_once_from_their_own_account_while_present_and_the_vote_is_open()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(17);
        var id = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(id, "关于设立海西州生态保护日的决定（草案）", "Other");
        // 16 present, the 17th on leave.
        await staff.RecordPresentAsync(app, id, members.Take(16).Select(m => m.PersonId));
        var voteId = await staff.PrepareVoteAsync(id, item);
        (await members[0].Client.CastAsync(voteId)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not open yet
        await staff.OpenVoteAsync(voteId).DoneAsync();

        await members[0].Client.CastOkAsync(voteId, "No");
        var again = await (await members[0].Client.CastAsync(voteId, "Yes")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.Str("detail").ShouldContain("不能重复投票");
        var mine = await members[0].Client.VoteAsync(voteId);
        mine.GetProperty("hasVoted").GetBoolean().ShouldBeTrue();
        mine.GetProperty("mayVote").GetBoolean().ShouldBeFalse();
        mine.GetProperty("ballotsCast").GetInt32().ShouldBe(1);

        // A former member has an account but no seat on the meeting day; staff and deputies have no vote at all.
        var former = await app.MemberAccountAsync("wy-former", await app.FormerMemberPersonIdAsync());
        await (await former.CastAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.CastAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ApiClientAsync("daibiao")).CastAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // A seated member on leave must register first.
        var absent = await (await members[16].Client.CastAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        absent.Str("detail").ShouldContain("未登记出席");
        // Bad choice.
        (await members[1].Client.PostJsonAsync($"/api/v1/votes/{voteId}/ballots", new { choice = "Maybe" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Arriving late and registered while the vote is open, the member votes; the quorum stays as it was at opening.
        await staff.RecordAttendanceAsync(id, [members[16].PersonId]);
        await members[16].Client.CastOkAsync(voteId, "Yes");

        await members.Skip(1).Take(14).ToList().CastBallotsAsync(voteId, yes: 14);
        var vote = await staff.ClosedVoteAsync(voteId);
        vote.GetProperty("yes").GetInt32().ShouldBe(15);
        vote.GetProperty("no").GetInt32().ShouldBe(1); // the first ballot, not the repeat
        vote.GetProperty("ballotsCast").GetInt32().ShouldBe(16);
        vote.GetProperty("presentMembers").GetInt32().ShouldBe(16);
        vote.GetProperty("presentNotVoting").GetInt32().ShouldBe(1); // members[15]
        vote.GetProperty("passed").GetBoolean().ShouldBeFalse();
        ByPerson(vote)[members[0].PersonId].Str("result").ShouldBe("No");
        ByPerson(vote)[members[16].PersonId].Str("result").ShouldBe("Yes");
        ByPerson(vote)[members[15].PersonId].Str("result").ShouldBe("PresentNotVoting");
        (await BallotsInDbAsync(voteId)).ShouldBe(16);

        // Closed is final.
        var late = await (await members[15].Client.CastAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        late.Str("detail").ShouldContain("表决已经结束");
        (await members[1].Client.CastAsync(voteId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await (await staff.OpenVoteAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.CloseVoteAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostJsonAsync($"/api/v1/votes/{voteId}/cancel")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var after = await staff.VoteAsync(voteId);
        after.GetProperty("yes").GetInt32().ShouldBe(15);
        after.Str("ballotDigest").ShouldBe(vote.Str("ballotDigest"));
        after.GetProperty("closedAt").GetString().ShouldBe(vote.GetProperty("closedAt").GetString());
        (await BallotsInDbAsync(voteId)).ShouldBe(16);
    }

    [Fact]
    public async Task Twenty_members_voting_at_once_each_with_a_duplicate_are_counted_exactly_twenty_times()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(20);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(id, "关于海西州第十五届人民代表大会第五次会议召开时间的决定（草案）", "Other");
        var voteId = await staff.PrepareVoteAsync(id, item);
        await staff.OpenVoteAsync(voteId).DoneAsync();

        var posts = members.SelectMany((m, i) => new[] { (m, i % 4 == 3 ? "No" : "Yes"), (m, "Abstain") })
            .Select(async x => (await x.m.Client.CastAsync(voteId, x.Item2)).StatusCode).ToList();
        var statuses = await Task.WhenAll(posts);
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(20, string.Join(",", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(20, string.Join(",", statuses));
        (await BallotsInDbAsync(voteId)).ShouldBe(20);
        await using (var scope = app.Db())
            (await scope.Context.Set<VoteBallot>().Where(b => b.VoteId == voteId).Select(b => b.PersonId).Distinct().CountAsync()).ShouldBe(20);

        var vote = await staff.ClosedVoteAsync(voteId);
        (vote.GetProperty("yes").GetInt32() + vote.GetProperty("no").GetInt32() + vote.GetProperty("abstain").GetInt32()).ShouldBe(20);
        vote.GetProperty("ballotsCast").GetInt32().ShouldBe(20);
        vote.GetProperty("presentNotVoting").GetInt32().ShouldBe(0);
        vote.GetProperty("absent").GetInt32().ShouldBe(MeetingSteps.Seats - 20);
        ByPerson(vote).Values.Count(m => m.GetProperty("result").GetString() is "Yes" or "No" or "Abstain").ShouldBe(20);
        vote.GetProperty("passed").GetBoolean().ShouldBe(vote.GetProperty("yes").GetInt32() * 2 > MeetingSteps.Seats);
    }

    [Fact]
    public async Task An_item_withdrawn_after_its_vote_was_prepared_is_not_voted_on_and_no_vote_is_left_open_for_ever()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(16);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(id, "关于修改海西州饮用水水源保护条例的决定（草案）", "Other");
        var voteId = await staff.PrepareVoteAsync(id, item);
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/agenda/{item}/outcome", new { outcome = "Withdrawn", note = "提案机关撤回" }).DoneAsync();

        // Opening would let members vote on an item that can no longer be decided: the close could never be written.
        await (await staff.OpenVoteAsync(voteId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await staff.VoteAsync(voteId)).Str("status").ShouldBe("Prepared");
        await staff.PostJsonAsync($"/api/v1/votes/{voteId}/cancel").DoneAsync();
        await staff.PostJsonAsync($"/api/v1/meetings/{id}/close").DoneAsync();
    }

    [Fact]
    public async Task Ballots_racing_the_close_are_either_counted_or_refused()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var members = await app.MemberClientsAsync(20);
        var id = await staff.MeetingInSessionAsync();
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        var item = await staff.AddAgendaItemAsync(id, "关于海西州2027年度州级预算审查监督重点的决定（草案）", "Other");
        var voteId = await staff.PrepareVoteAsync(id, item);
        await staff.OpenVoteAsync(voteId).DoneAsync();
        await members.Take(4).ToList().CastBallotsAsync(voteId, yes: 4);

        var ballots = members.Skip(4).Select(async m => await m.Client.CastAsync(voteId)).ToList();
        var close = staff.CloseVoteAsync(voteId);
        var responses = await Task.WhenAll(ballots);
        var closed = await (await close).ShouldBeOkJsonAsync();
        foreach (var r in responses)
            r.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.Conflict], await r.Content.ReadAsStringAsync());
        var accepted = 4 + responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        closed.GetProperty("yes").GetInt32().ShouldBe(accepted);
        closed.GetProperty("ballotsCast").GetInt32().ShouldBe(accepted);
        closed.GetProperty("presentNotVoting").GetInt32().ShouldBe(20 - accepted);
        (await BallotsInDbAsync(voteId)).ShouldBe(accepted);
    }

    [Fact]
    public async Task A_clause_vote_names_its_clause_and_an_item_has_one_whole_vote()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var id = await staff.MeetingInSessionAsync();
        var item = await staff.AddAgendaItemAsync(id, "海西州柴达木循环经济试验区条例（草案）", "BillReading");

        var untitled = await (await staff.TryPrepareVoteAsync(id, item, "Clause")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        untitled.FieldErrors("title").ShouldNotBeEmpty();
        var clause = await staff.TryPrepareVoteAsync(id, item, "Clause", "第十二条（矿产资源综合利用）").CreatedAsync();
        clause.Str("kind").ShouldBe("Clause");
        clause.Str("title").ShouldBe("第十二条（矿产资源综合利用）");
        clause.Str("status").ShouldBe("Prepared");
        clause.GetProperty("secret").GetBoolean().ShouldBeFalse();

        var whole = await staff.TryPrepareVoteAsync(id, item).CreatedAsync();
        whole.Str("title").ShouldBe("表决：海西州柴达木循环经济试验区条例（草案）");
        (await staff.TryPrepareVoteAsync(id, item)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A personnel vote only on a personnel item.
        (await staff.TryPrepareVoteAsync(id, item, "Appointment")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Results of an open or prepared vote are not printed.
        (await staff.GetAsync($"/api/v1/votes/{whole.Id()}/result.docx")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A clause vote closes without deciding the item.
        var members = await app.MemberClientsAsync(16);
        await staff.RecordPresentAsync(app, id, members.Select(m => m.PersonId));
        await staff.OpenVoteAsync(clause.Id()).DoneAsync();
        await members.CastBallotsAsync(clause.Id(), yes: 16);
        (await staff.ClosedVoteAsync(clause.Id())).GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await staff.MeetingAsync(id)).GetProperty("agenda").EnumerateArray().Single(a => a.Id() == item).Str("outcome").ShouldBe("Pending");
    }
}

public sealed class VotingTests_Sqlite(SqliteApp app) : VotingTests(app), IClassFixture<SqliteApp>;
public sealed class VotingTests_Postgres(PostgresApp app) : VotingTests(app), IClassFixture<PostgresApp>;
