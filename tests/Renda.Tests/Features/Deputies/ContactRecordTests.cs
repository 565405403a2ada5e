using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Features.Meetings;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Deputies;
using Renda.Web.Platform.People;
using static Renda.Tests.Features.Deputies.DeputyActivitySteps;

namespace Renda.Tests.Features.Deputies;

/// <summary>六联系: the congress's kinds (administrator's list with yearly minimums), contact records, the deputies' duty records, those below the minimum.</summary>
public abstract class ContactRecordTests(RendaApp app)
{
    private static readonly DateOnly Today = MeetingSteps.Today;

    private static async Task<JsonElement> KindAsync(HttpClient client, string name)
        => (await client.GetJsonAsync($"{Root}/contact-kinds")).EnumerateArray().Single(k => k.Str("name") == name);

    private static async Task<int> PersonOfAsync(RendaApp app, int deputyId)
    {
        await using var scope = app.Db();
        return await scope.Context.Deputies.Where(d => d.Id == deputyId).Select(d => d.PersonId).SingleAsync();
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient staff, int kindId, int personId, string constituents = "郭勒木德镇新华村村民12人", DateOnly? on = null)
        => staff.PostJsonAsync($"{Root}/contacts", new { kindId, on = (on ?? Today).Iso(), contactorRole = "Deputy", contactorPersonId = personId, constituents, method = "Visit", content = "收集群众对供暖的意见" });

    [Fact]
    public async Task A_deputy_meets_the_kinds_minimum_and_leaves_the_list_below_it_with_each_contact_in_the_archive()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var kinds = await staff.GetJsonAsync($"{Root}/contact-kinds");
        // The default list (the last one may be renamed by the administrator test sharing this database).
        kinds.EnumerateArray().Select(k => k.Str("name")).Take(5).ShouldBe(ContactRecordWorkflow.DefaultKinds.Select(k => k.Name).Take(5));
        var kind = await KindAsync(staff, "代表联系群众");
        kind.GetProperty("yearlyMinimum").GetInt32().ShouldBe(2);
        var deputy = (await app.DeputyIdsAsync("632800", 1, skip: 225)).Single();
        var person = await PersonOfAsync(app, deputy);
        async Task<bool> BelowAsync() => (await staff.GetJsonAsync($"{Root}/contacts/below-minimum?year={Today.Year}&kindId={kind.Id()}"))
            .EnumerateArray().Any(b => b.IntOrNull("personId") == person);
        (await BelowAsync()).ShouldBeTrue();

        var first = (await RecordAsync(staff, kind.Id(), person).CreatedAsync()).Id();
        (await BelowAsync()).ShouldBeTrue("one contact of two");
        await RecordAsync(staff, kind.Id(), person, "德令哈市河西街道居民8人", Today.AddDays(-20)).CreatedAsync();
        (await BelowAsync()).ShouldBeFalse();

        var records = await app.DutyRecordsAsync(ContactRecord.Subject, first);
        records.Single().DeputyId.ShouldBe(deputy);
        records.Single().Kind.ShouldBe(DutyKinds.Contact);
        var listed = await staff.GetJsonAsync($"{Root}/contacts?year={Today.Year}&kindId={kind.Id()}");
        listed.GetProperty("items").EnumerateArray().ShouldContain(r => r.Id() == first && r.Str("contacted") == "郭勒木德镇新华村村民12人" && r.Str("methodLabel") == "走访");
    }

    [Fact]
    public async Task A_member_contacting_a_deputy_writes_the_contacted_deputys_record()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var kind = await KindAsync(staff, "常委会组成人员联系代表");
        int member;
        await using (var scope = app.Db())
            member = await scope.Context.StandingCommitteeMembers.Where(s => s.Congress!.Code == "632800" && s.LeftOn == null).OrderBy(s => s.Id).Select(s => s.PersonId).FirstAsync();
        var township = (await app.DeputyIdsAsync("632801100", 1, skip: 30)).Single();
        var id = (await staff.PostJsonAsync($"{Root}/contacts", new { kindId = kind.Id(), on = Today.Iso(), contactorRole = "Member", contactorPersonId = member,
            contactedDeputyId = township, method = "Phone", content = "了解乡镇人大代表履职情况" }).CreatedAsync()).Id();
        (await app.DutyRecordsAsync(ContactRecord.Subject, id)).Select(r => r.DeputyId).ShouldContain(township);
    }

    [Fact]
    public async Task Kinds_are_the_administrators_and_a_negative_minimum_is_refused_naming_the_field()
    {
        var admin = await app.ApiClientAsync("sysadmin");
        var kind = await KindAsync(admin, "代表联系原选区选民");
        var put = $"{Root}/contact-kinds/{kind.Id()}";
        await admin.PutAsJsonAsync(put, new { yearlyMinimum = -1 }).ShouldBeRefusedAsync("yearlyMinimum", "0 到 365");
        (await KindAsync(admin, "代表联系原选区选民")).GetProperty("yearlyMinimum").GetInt32().ShouldBe(kind.GetProperty("yearlyMinimum").GetInt32());
        var kinds = await app.CountAsync<ContactKind>();
        await admin.PostJsonAsync($"{Root}/contact-kinds", new { name = "代表联系专业人士", contactors = "Deputies", yearlyMinimum = -3 }).ShouldBeRefusedAsync("yearlyMinimum");
        await admin.PostJsonAsync($"{Root}/contact-kinds", new { name = "代表联系专业人士", contactors = "Deputies" }).ShouldBeRefusedAsync("yearlyMinimum");
        (await app.CountAsync<ContactKind>()).ShouldBe(kinds);

        var renamed = await (await admin.PutAsJsonAsync(put, new { name = "代表联系原选区选民（含流动人口）", yearlyMinimum = 3 })).ShouldBeOkJsonAsync();
        renamed.GetProperty("yearlyMinimum").GetInt32().ShouldBe(3);
        var staff = await app.ApiClientAsync("daigongwei");
        (await staff.PutAsJsonAsync(put, new { yearlyMinimum = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_contacts_are_refused_with_the_field_named_and_nothing_written()
    {
        var staff = await app.ApiClientAsync("daigongwei");
        var kind = (await KindAsync(staff, "代表联系群众")).Id();
        var person = await PersonOfAsync(app, (await app.DeputyIdsAsync("632800", 1, skip: 226)).Single());
        var before = await app.CountAsync<ContactRecord>();
        await RecordAsync(staff, kind, person, on: Today.AddDays(1)).ShouldBeRefusedAsync("on", "不能晚于今天");
        await RecordAsync(staff, kind, person, constituents: "").ShouldBeRefusedAsync("contactedDeputyId");
        await RecordAsync(staff, 999_999, person).ShouldBeRefusedAsync("kindId");
        var golmud = await PersonOfAsync(app, (await app.DeputyIdsAsync("632801", 1, skip: 3)).Single());
        await RecordAsync(staff, kind, golmud).ShouldBeRefusedAsync("contactorPersonId", "本级人大的在任代表");
        await staff.PostJsonAsync($"{Root}/contacts", new { kindId = kind, on = Today.Iso(), contactorRole = "Deputy", contactorPersonId = person, constituents = "群众", content = "走访" })
            .ShouldBeRefusedAsync("method");
        (await app.CountAsync<ContactRecord>()).ShouldBe(before);
    }
}

public sealed class ContactRecordTests_Sqlite(SqliteApp app) : ContactRecordTests(app), IClassFixture<SqliteApp>;
public sealed class ContactRecordTests_Postgres(PostgresApp app) : ContactRecordTests(app), IClassFixture<PostgresApp>;
