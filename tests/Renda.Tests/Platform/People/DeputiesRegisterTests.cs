using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.People;

namespace Renda.Tests.Platform.People;

/// <summary>The deputies register: who may read it, masking of ID and phone numbers, filters, and the status state machine.</summary>
public abstract class DeputiesRegisterTests(RendaApp app)
{
    private const string Haixi = "/api/v1/congresses/632800/deputies";

    [Fact]
    public async Task Staff_outside_the_deputies_committee_get_masked_numbers_and_its_staff_get_them_in_full()
    {
        var masked = await (await (await app.ApiClientAsync("fagongwei")).GetAsync(Haixi + "?pageSize=10")).ShouldBeOkJsonAsync();
        var full = await (await (await app.ApiClientAsync("daigongwei")).GetAsync(Haixi + "?pageSize=10")).ShouldBeOkJsonAsync();
        await using var scope = app.Db();
        var stored = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800").OrderBy(d => d.Id).Take(10)
            .Select(d => new { d.Id, d.Person!.IdNumber, d.Person.Phone }).ToListAsync();

        var maskedItems = masked.GetProperty("items").EnumerateArray().ToList();
        var fullItems = full.GetProperty("items").EnumerateArray().ToList();
        maskedItems.Count.ShouldBe(10);
        for (var i = 0; i < 10; i++)
        {
            maskedItems[i].GetProperty("id").GetInt32().ShouldBe(stored[i].Id);
            maskedItems[i].GetProperty("idNumber").GetString().ShouldBe(stored[i].IdNumber![..6] + "********" + stored[i].IdNumber![^4..]);
            maskedItems[i].GetProperty("phone").GetString().ShouldBe(stored[i].Phone![..3] + "****" + stored[i].Phone![^4..]);
            maskedItems[i].GetProperty("personalDataMasked").GetBoolean().ShouldBeTrue();
            fullItems[i].GetProperty("idNumber").GetString().ShouldBe(stored[i].IdNumber);
            fullItems[i].GetProperty("phone").GetString().ShouldBe(stored[i].Phone);
            fullItems[i].GetProperty("personalDataMasked").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task The_register_page_renders_masked_cells_for_fagongwei_and_full_numbers_for_daigongwei()
    {
        var maskedPage = await Html(await app.BrowserClientAsync("fagongwei"), "/deputies");
        var fullPage = await Html(await app.BrowserClientAsync("daigongwei"), "/deputies");

        var maskedCells = maskedPage.QuerySelectorAll("[data-testid=id-number]").ToList();
        maskedCells.Count.ShouldBe(20);
        maskedCells.ShouldAllBe(c => c.ClassList.Contains("masked") && c.TextContent.Trim().Contains("********"));
        maskedPage.QuerySelectorAll("[data-testid=phone]").ShouldAllBe(c => c.ClassList.Contains("masked") && c.TextContent.Trim().Contains("****"));

        var fullCells = fullPage.QuerySelectorAll("[data-testid=id-number]").ToList();
        fullCells.Count.ShouldBe(20);
        fullCells.ShouldAllBe(c => !c.ClassList.Contains("masked") && System.Text.RegularExpressions.Regex.IsMatch(c.TextContent.Trim(), "^[0-9]{17}[0-9X]$"));
        fullPage.QuerySelectorAll("[data-testid=phone]").ShouldAllBe(c => !c.ClassList.Contains("masked") && System.Text.RegularExpressions.Regex.IsMatch(c.TextContent.Trim(), "^1[0-9]{10}$"));
        fullPage.QuerySelector("[data-testid=total]")!.TextContent.ShouldContain("236");
    }

    [Fact]
    public async Task Users_of_another_congress_and_roles_without_the_register_are_refused()
    {
        int haixiDeputy;
        await using (var scope = app.Db())
            haixiDeputy = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800").Select(d => d.Id).FirstAsync();

        var province = await app.ApiClientAsync("qh-staff");
        await (await province.GetAsync(Haixi)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await province.GetAsync($"/api/v1/deputies/{haixiDeputy}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ApiClientAsync("gem-staff")).GetAsync(Haixi)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Same congress, but a handling unit's officer has no business with the register.
        var unit = await app.ApiClientAsync("jiaoyuju");
        (await unit.GetAsync(Haixi)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await unit.GetAsync($"/api/v1/deputies/{haixiDeputy}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var page = await (await app.BrowserClientAsync("jiaoyuju")).GetAsync("/deputies");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath.ShouldBe("/forbidden");
        // The province's own register is open to its own staff.
        (await province.GetAsync("/api/v1/congresses/630000/deputies")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Filters_sort_and_paging_select_the_right_deputies()
    {
        var client = await app.ApiClientAsync("zhuren");
        await using var scope = app.Db();
        var db = scope.Context;

        var all = await (await client.GetAsync(Haixi + "?term=15&pageSize=50&page=5")).ShouldBeOkJsonAsync();
        all.GetProperty("total").GetInt32().ShouldBe(236);
        all.GetProperty("pageNumber").GetInt32().ShouldBe(5);
        all.GetProperty("items").GetArrayLength().ShouldBe(36);
        (await (await client.GetAsync(Haixi + "?term=14")).ShouldBeOkJsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);

        var women = await db.Deputies.CountAsync(d => d.Congress!.Code == "632800" && d.Person!.Gender == Gender.Female);
        (await (await client.GetAsync(Haixi + "?gender=Female")).ShouldBeOkJsonAsync()).GetProperty("total").GetInt32().ShouldBe(women);
        var tibetans = await db.Deputies.CountAsync(d => d.Congress!.Code == "632800" && d.Person!.Ethnicity == "藏族");
        (await (await client.GetAsync(Haixi + "?ethnicity=藏族")).ShouldBeOkJsonAsync()).GetProperty("total").GetInt32().ShouldBe(tibetans);
        var delegation = await (await client.GetAsync(Haixi + "?delegation=" + Uri.EscapeDataString("德令哈市代表团") + "&pageSize=200")).ShouldBeOkJsonAsync();
        delegation.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("delegation").GetString() == "德令哈市代表团");
        delegation.GetProperty("total").GetInt32().ShouldBe(await db.Deputies.CountAsync(d => d.Congress!.Code == "632800" && d.Delegation == "德令哈市代表团"));

        var someone = await db.Deputies.Where(d => d.Congress!.Code == "632800").Select(d => d.Person!.Name).FirstAsync();
        var byName = await (await client.GetAsync(Haixi + "?q=" + Uri.EscapeDataString(someone))).ShouldBeOkJsonAsync();
        byName.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        byName.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("name").GetString()!.Contains(someone));

        // Status sorts in the order of the state machine: the demo's resigned deputies come last, or first when reversed.
        var resigned = await db.Deputies.CountAsync(d => d.Congress!.Code == "632800" && d.Status == DeputyStatus.Resigned);
        resigned.ShouldBeGreaterThan(0);
        var reversed = await (await client.GetAsync(Haixi + $"?sort=-status&pageSize={resigned + 1}")).ShouldBeOkJsonAsync();
        var statuses = reversed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToList();
        statuses.Take(resigned).ShouldAllBe(s => s == "Resigned");
        statuses.Last().ShouldBe("Serving");
        (await (await client.GetAsync(Haixi + "?status=Resigned")).ShouldBeOkJsonAsync()).GetProperty("total").GetInt32().ShouldBe(resigned);

        var few = "&pageSize=200&delegation=" + Uri.EscapeDataString("德令哈市代表团");
        var byNameAsc = (await (await client.GetAsync(Haixi + "?sort=name" + few)).ShouldBeOkJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        var byNameDesc = (await (await client.GetAsync(Haixi + "?sort=-name" + few)).ShouldBeOkJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        byNameAsc.Count.ShouldBeGreaterThan(10);
        byNameAsc.Distinct().ShouldBe(byNameDesc.Distinct().Reverse());

        (await (await client.GetAsync(Haixi + "?sort=idNumber")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("sort").ShouldNotBeEmpty();
        (await (await client.GetAsync(Haixi + "?status=Dead")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("status").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Detail_names_the_other_congresses_of_a_person_and_the_deputy_sees_their_own_numbers()
    {
        await using var scope = app.Db();
        var personId = await scope.Context.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId!.Value).FirstAsync();
        var own = await scope.Context.Deputies.Where(d => d.PersonId == personId && d.Congress!.Code == "632800").Select(d => new { d.Id, d.Person!.IdNumber }).FirstAsync();
        var other = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800" && d.PersonId != personId).Select(d => d.Id).FirstAsync();

        var deputy = await app.ApiClientAsync("daibiao");
        var mine = await (await deputy.GetAsync($"/api/v1/deputies/{own.Id}")).ShouldBeOkJsonAsync();
        mine.GetProperty("deputy").GetProperty("idNumber").GetString().ShouldBe(own.IdNumber);
        mine.GetProperty("congressCode").GetString().ShouldBe("632800");
        // The demo deputy also sits in the provincial congress and in the Golmud city congress.
        var mandates = mine.GetProperty("otherMandates").EnumerateArray().OrderBy(m => m.GetProperty("congressCode").GetString()).ToList();
        mandates.Select(m => m.GetProperty("congressCode").GetString()).ShouldBe(["630000", "632801"]);
        mandates[0].GetProperty("congressName").GetString().ShouldBe("青海省人民代表大会");
        // Names only: nothing of the province's record (its term, delegation, status) is in the answer.
        mandates[0].EnumerateObject().Select(p => p.Name).ShouldBe(new[] { "congressCode", "congressName" }, ignoreOrder: true);
        await (await deputy.GetAsync($"/api/v1/deputies/{other}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var seen = await (await (await app.ApiClientAsync("fagongwei")).GetAsync($"/api/v1/deputies/{own.Id}")).ShouldBeOkJsonAsync();
        seen.GetProperty("deputy").GetProperty("idNumber").GetString().ShouldBe(PersonalData.MaskIdNumber(own.IdNumber));
        seen.GetProperty("birthDate").GetString()!.Length.ShouldBe(7); // year and month only

        var page = await Html(await app.BrowserClientAsync("fagongwei"), $"/deputies/{own.Id}");
        page.QuerySelector("[data-testid=id-number]")!.ClassList.ShouldContain("masked");
        page.QuerySelector("[data-testid=other-mandates]")!.TextContent.ShouldContain("青海省人民代表大会");
        await (await (await app.ApiClientAsync("daigongwei")).GetAsync("/api/v1/deputies/999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_serving_deputy_can_resign_once_and_an_ended_mandate_cannot_change_again()
    {
        int id;
        await using (var scope = app.Db())
            id = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800" && d.Status == DeputyStatus.Serving).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
        var staff = await app.ApiClientAsync("daigongwei");

        await (await (await app.ApiClientAsync("zhuren")).PostAsJsonAsync($"/api/v1/deputies/{id}/status", new { status = "Resigned", date = "2026-10-01" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await staff.PostAsJsonAsync($"/api/v1/deputies/{id}/status", new { status = "Resigned", date = "2026-12-01" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("date").ShouldNotBeEmpty();

        var done = await (await staff.PostAsJsonAsync($"/api/v1/deputies/{id}/status", new { status = "Resigned", date = "2026-10-01" })).ShouldBeOkJsonAsync();
        done.GetProperty("deputy").GetProperty("status").GetString().ShouldBe("Resigned");
        done.GetProperty("deputy").GetProperty("statusChangedOn").GetString().ShouldBe("2026-10-01");

        var again = await (await staff.PostAsJsonAsync($"/api/v1/deputies/{id}/status", new { status = "Recalled", date = "2026-10-02" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.GetProperty("detail").GetString()!.ShouldContain("已于 2026-10-01 辞职");

        await using (var scope = app.Db())
        {
            var deputy = await scope.Context.Deputies.SingleAsync(d => d.Id == id);
            deputy.Status.ShouldBe(DeputyStatus.Resigned);
            deputy.StatusChangedOn.ShouldBe(new DateOnly(2026, 10, 1));
            (await scope.Context.AuditRecords.CountAsync(r => r.EntityType == "Deputy" && r.EntityId == id.ToString() && r.Action == "transition")).ShouldBe(1);
        }

        // The same transition from the deputy's page, as staff use it.
        int next;
        await using (var scope = app.Db())
            next = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800" && d.Status == DeputyStatus.Serving && d.Id != id).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
        var browser = await app.BrowserClientAsync("daigongwei");
        var form = await browser.PostFormAsync($"/deputies/{next}?handler=Status", new() { ["NewStatus"] = "Terminated", ["StatusDate"] = "2026-11-02" }, formPage: $"/deputies/{next}");
        var html = await form.Content.ReadAsStringAsync();
        form.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        (await new HtmlParser().ParseDocumentAsync(html)).QuerySelector("[data-testid=status]")!.TextContent.ShouldBe("终止");
        await using (var scope = app.Db())
            (await scope.Context.Deputies.Where(d => d.Id == next).Select(d => d.Status).SingleAsync()).ShouldBe(DeputyStatus.Terminated);

        // The state machine itself, for every ended state.
        foreach (var ended in new[] { DeputyStatus.Resigned, DeputyStatus.Recalled, DeputyStatus.Terminated })
        {
            var d = new Deputy { Status = ended, StatusChangedOn = new DateOnly(2025, 1, 1) };
            Should.Throw<Renda.Web.Platform.Web.DomainException>(() => d.ChangeStatus(DeputyStatus.Serving, new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 1)))
                .Kind.ShouldBe(Renda.Web.Platform.Web.DomainErrorKind.Conflict);
        }
        var serving = new Deputy { Status = DeputyStatus.Serving };
        Should.Throw<Renda.Web.Platform.Web.DomainException>(() => serving.ChangeStatus(DeputyStatus.Serving, new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 1)));
        serving.ChangeStatus(DeputyStatus.Terminated, new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 1));
        serving.Status.ShouldBe(DeputyStatus.Terminated);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return await new HtmlParser().ParseDocumentAsync(html);
    }
}

public sealed class DeputiesRegisterTests_Sqlite(SqliteApp app) : DeputiesRegisterTests(app), IClassFixture<SqliteApp>;
public sealed class DeputiesRegisterTests_Postgres(PostgresApp app) : DeputiesRegisterTests(app), IClassFixture<PostgresApp>;
