using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Features.Suggestions;

namespace Renda.Tests.Features.Suggestions;

/// <summary>
/// 提 → 交 → 办 → 评 through the Razor pages, as people click through them: forms with their
/// antiforgery tokens, redirects after each step, refusals shown beside the field.
/// </summary>
public abstract partial class SuggestionPagesTests(RendaApp app)
{
    private const string Education = "海西州教育局";
    private const string Finance = "海西州财政局";
    private static readonly string Body = "海西州农村牧区寄宿制学校宿舍紧张，冬季供暖不足，建议增加投入、改善住宿和供暖条件，并配备生活老师。";

    [Fact]
    public async Task A_suggestion_goes_from_the_deputy_through_staff_and_the_unit_back_to_the_deputy_and_closes()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, created) = await deputy.CreateSuggestionAsync("关于改善寄宿制学校条件的建议" + app.Provider, Body, submit: true);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await deputy.PageAsync($"/suggestions/{id}");
        detail.Status().ShouldBe("已提交待审查");
        detail.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("建议已提交，编号");
        (await deputy.PageAsync("/suggestions/mine")).QuerySelectorAll("[data-testid=suggestion-card]").Select(c => c.TextContent)
            .ShouldContain(t => t.Contains("关于改善寄宿制学校条件的建议" + app.Provider));

        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.PageAsync($"/suggestions?status={Renda.Web.Features.Suggestions.Pages.SuggestionListModel.Intake}")).QuerySelectorAll("[data-testid=suggestion-row] a")
            .Select(a => a.GetAttribute("href")).ShouldContain($"/suggestions/{id}");
        (await staff.StepAsync(id, "Accept", [])).ShouldRedirectTo(id);
        (await staff.StepAsync(id, "Assign", new() { ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Education) })).ShouldRedirectTo(id);
        (await staff.PageAsync($"/suggestions/{id}")).Status().ShouldBe("办理中");

        var unit = await app.BrowserClientAsync("jiaoyuju");
        var queue = await unit.PageAsync("/suggestions/unit");
        queue.QuerySelectorAll("[data-testid=queue-row] a").Select(a => a.GetAttribute("href")).ShouldContain($"/suggestions/{id}");
        var unitId = await UnitAsync(Education);
        (await unit.StepAsync(id, "Contact", new()
        {
            ["Contact.UnitId"] = unitId, ["Contact.Kind"] = "Visit", ["Contact.FaceToFace"] = "true", ["Contact.On"] = "2026-11-16", ["Contact.Notes"] = "到代表所在学校面商",
        })).ShouldRedirectTo(id);
        (await unit.AnswerAsync(id, new()
        {
            ["Answer.UnitId"] = unitId, ["Answer.Category"] = "A", ["Answer.Text"] = "已将寄宿制学校改造列入明年计划，新增宿舍 200 间。", ["Answer.SignedBy"] = "局长 王某",
        }, ("答复函.pdf", Pdf))).ShouldRedirectTo(id);

        var answered = await deputy.PageAsync($"/suggestions/{id}");
        answered.Status().ShouldBe("已答复待评价");
        answered.QuerySelector("[data-testid=answer-category]")!.TextContent.ShouldContain("A 类 · 已解决或采纳");
        answered.QuerySelector("[data-testid=contacts]")!.TextContent.ShouldContain("（面商）");
        var download = answered.QuerySelector("[data-testid=answer-document]")!.GetAttribute("href")!;
        var file = await deputy.GetAsync(download);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        answered.QuerySelector("[data-testid=act-rate]").ShouldNotBeNull();

        (await deputy.StepAsync(id, "Rate", new() { ["Rating.Result"] = "Satisfied" })).ShouldRedirectTo(id);
        var closed = await deputy.PageAsync($"/suggestions/{id}");
        closed.Status().ShouldBe("已办结");
        closed.QuerySelector("[data-testid=act-rate]").ShouldBeNull();
        closed.QuerySelectorAll("[data-testid=history] li").Select(li => li.TextContent).ShouldContain(t => t.Contains("评价"));

        await using var scope = app.Db();
        var s = await scope.Context.Set<Suggestion>().Include(x => x.Contacts).Include(x => x.Answers).SingleAsync(x => x.Id == id);
        s.Status.ShouldBe(SuggestionStatus.Closed);
        s.Rating.ShouldBe(Satisfaction.Satisfied);
        s.AnswerCategory.ShouldBe("A");
        s.Contacts.ShouldHaveSingleItem().FaceToFace.ShouldBeTrue();
        s.Answers.ShouldHaveSingleItem().DocumentAttachmentId.ShouldNotBeNull();
        (await scope.Context.Deadlines.CountAsync(d => d.SubjectType == "Suggestion" && d.SubjectId == id.ToString() && (d.Status == Renda.Web.Platform.Deadlines.DeadlineStatus.Open)))
            .ShouldBe(0, "every clock of a closed suggestion has ended");
    }

    [Fact]
    public async Task Sending_the_new_suggestion_form_twice_with_one_key_creates_one_suggestion()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var form = await deputy.PageAsync("/suggestions/new");
        var key = form.QuerySelector<IHtmlInputElement>("input[name=IdempotencyKey]")!.Value;
        key.ShouldNotBeNullOrEmpty();

        var (first, r1) = await deputy.CreateSuggestionAsync("关于双击提交的建议" + app.Provider, Body, submit: true, key: key);
        var (second, r2) = await deputy.CreateSuggestionAsync("关于双击提交的建议" + app.Provider, Body, submit: true, key: key);

        r1.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r2.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.ShouldBe(first);
        await using var scope = app.Db();
        (await scope.Context.Set<Suggestion>().CountAsync(s => s.IdempotencyKey == key)).ShouldBe(1);
        (await scope.Context.Set<Suggestion>().CountAsync(s => s.Title == "关于双击提交的建议" + app.Provider)).ShouldBe(1);
        (await deputy.PageAsync($"/suggestions/{first}")).QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("已经提交过");
    }

    [Fact]
    public async Task Two_megabytes_of_content_are_refused_beside_the_field_and_nothing_is_written()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var title = "关于超长内容的建议" + app.Provider;
        var huge = string.Concat(Enumerable.Repeat("建议内容很长", 2 * 1024 * 1024 / 18 + 1)); // 3 bytes a character: over 2 MB of UTF-8
        Encoding.UTF8.GetByteCount(huge).ShouldBeGreaterThan(2 * 1024 * 1024);

        var (_, response) = await deputy.CreateSuggestionAsync(title, huge, submit: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.QuerySelector("#Content-error")!.TextContent.ShouldContain("建议内容不超过 10000 字");
        page.QuerySelector<IHtmlInputElement>("#Title")!.Value.ShouldBe(title, "what was typed is kept");
        page.QuerySelector<IHtmlTextAreaElement>("#Content")!.Value.Length.ShouldBe(huge.Length);
        await using var scope = app.Db();
        (await scope.Context.Set<Suggestion>().CountAsync(s => s.Title == title)).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_without_a_title_shows_the_error_beside_the_title_and_keeps_the_content()
    {
        var deputy = await app.BrowserClientAsync("daibiao");

        var (_, response) = await deputy.CreateSuggestionAsync("", Body, submit: false);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.QuerySelector("#Title-error")!.TextContent.ShouldBe("请填写标题。");
        page.QuerySelector<IHtmlTextAreaElement>("#Content")!.Value.ShouldBe(Body);
        page.QuerySelector<IHtmlSelectElement>("#Category")!.Value.ShouldBe("教育");
    }

    [Fact]
    public async Task An_officer_of_a_unit_the_suggestion_is_not_assigned_to_gets_404()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, _) = await deputy.CreateSuggestionAsync("关于财政资金的建议" + app.Provider, Body, submit: true);
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.StepAsync(id, "Accept", [])).ShouldRedirectTo(id);
        (await staff.StepAsync(id, "Assign", new() { ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Finance) })).ShouldRedirectTo(id);

        var otherUnit = await app.BrowserClientAsync("jiaoyuju");

        (await otherUnit.GetAsync($"/suggestions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var contact = await otherUnit.PostFormAsync($"/suggestions/{id}?handler=Contact",
            new() { ["Contact.Kind"] = "Phone", ["Contact.On"] = "2026-11-16" }, formPage: "/suggestions/unit");
        contact.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherUnit.PageAsync("/suggestions/unit")).QuerySelectorAll("[data-testid=queue-row] a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/suggestions/{id}");
    }

    [Fact]
    public async Task A_step_that_is_not_valid_now_is_shown_as_a_chinese_error_in_its_form()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, _) = await deputy.CreateSuggestionAsync("关于重复受理的建议" + app.Provider, Body, submit: true);
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.StepAsync(id, "Accept", [])).ShouldRedirectTo(id);

        // A second tab still showing 受理 sends it again: 409 in the API, a message on the page.
        var again = await staff.StepAsync(id, "Accept", []);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.DocumentAsync()).QuerySelector("[data-testid=page-error]")!.TextContent.ShouldContain("不能受理");
        var assign = await staff.StepAsync(id, "Assign", new() { ["Assign.Mode"] = "LeadAndCo" });
        (await assign.DocumentAsync()).QuerySelector("#act-assign [data-testid=form-error]").ShouldNotBeNull();
        (await assign.DocumentAsync()).QuerySelector("#act-assign")!.TextContent.ShouldContain("请选择主办单位");
    }

    [Fact]
    public async Task The_lead_deputy_saves_a_draft_invites_co_signers_edits_and_submits_it_from_the_record()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        int[] coSigners;
        await using (var scope = app.Db())
            coSigners = await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800" && d.Person!.Name.StartsWith("王")).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToArrayAsync();
        var response = await deputy.PostFormAsync("/suggestions/new", new()
        {
            ["Title"] = "关于草稿联名的建议" + app.Provider, ["Category"] = "教育", ["Period"] = "DuringSession", ["Content"] = Body,
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"), ["CoSigners"] = coSigners[0].ToString(), ["intent"] = "draft",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var draft = await deputy.PageAsync($"/suggestions/{id}");
        draft.Status().ShouldBe("草稿");
        draft.QuerySelector("[data-testid=signers]")!.TextContent.ShouldContain("待确认");
        draft.QuerySelector<IHtmlInputElement>("#Draft-Title")!.Value.ShouldBe("关于草稿联名的建议" + app.Provider);

        (await deputy.StepAsync(id, "Invite", new() { ["Invite.Deputies"] = coSigners[1].ToString() })).ShouldRedirectTo(id);
        var tooShort = await deputy.StepAsync(id, "Edit", new() { ["Draft.Title"] = "改后的标题" + app.Provider, ["Draft.Category"] = "教育", ["Draft.Period"] = "BetweenSessions", ["Draft.Content"] = "太短" });
        var refused = await tooShort.DocumentAsync();
        refused.QuerySelector("#act-draft")!.HasAttribute("open").ShouldBeTrue("the refused form is shown open");
        refused.QuerySelector("#act-draft")!.TextContent.ShouldContain("不少于 20 字");
        refused.QuerySelector<IHtmlInputElement>("#Draft-Title")!.Value.ShouldBe("改后的标题" + app.Provider, "what was typed is kept");
        (await deputy.StepAsync(id, "Edit", new() { ["Draft.Title"] = "改后的标题" + app.Provider, ["Draft.Category"] = "教育", ["Draft.Period"] = "BetweenSessions", ["Draft.Content"] = Body })).ShouldRedirectTo(id);
        (await deputy.StepAsync(id, "Submit", [])).ShouldRedirectTo(id);

        var submitted = await deputy.PageAsync($"/suggestions/{id}");
        submitted.Status().ShouldBe("已提交待审查");
        submitted.QuerySelector("[data-testid=title]")!.TextContent.ShouldBe("改后的标题" + app.Provider);
        submitted.QuerySelector("[data-testid=signers]")!.TextContent.ShouldNotContain("待确认", Case.Sensitive, "unanswered invitations lapse on submission");
        submitted.QuerySelector("#act-draft").ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_returns_a_misaddressed_suggestion_and_staff_reassign_it()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, _) = await deputy.CreateSuggestionAsync("关于地方财政补贴的建议" + app.Provider, Body, submit: true);
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.StepAsync(id, "Accept", [])).ShouldRedirectTo(id);
        (await staff.StepAsync(id, "Assign", new() { ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Education) })).ShouldRedirectTo(id);
        var unit = await app.BrowserClientAsync("jiaoyuju");

        var empty = await unit.StepAsync(id, "UnitReturn", new() { ["UnitReturn.Reason"] = " " });
        (await empty.DocumentAsync()).QuerySelector("#act-unitreturn")!.TextContent.ShouldContain("退回须说明理由");
        (await unit.StepAsync(id, "UnitReturn", new() { ["UnitReturn.Reason"] = "补贴资金由财政局管理，不属本局职责。" })).ShouldRedirectTo(id);
        var returned = await staff.PageAsync($"/suggestions/{id}");
        returned.Status().ShouldBe("承办单位退回待重新交办");
        returned.QuerySelector("[data-testid=act-reassign]").ShouldNotBeNull();
        (await staff.StepAsync(id, "Reassign", new() { ["Reassign.Unit"] = await UnitAsync(Finance), ["Reassign.Role"] = "Lead" })).ShouldRedirectTo(id);

        var reassigned = await staff.PageAsync($"/suggestions/{id}");
        reassigned.Status().ShouldBe("办理中");
        reassigned.QuerySelector("[data-testid=assignments]")!.TextContent.ShouldContain(Finance);
        (await unit.GetAsync($"/suggestions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the unit that returned it still reads its history");
        (await unit.PageAsync($"/suggestions/{id}")).QuerySelector("[data-testid=act-answer]").ShouldBeNull();
    }

    [Fact]
    public async Task The_council_designates_a_key_suggestion_and_the_list_shows_it_with_its_leader()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, _) = await deputy.CreateSuggestionAsync("关于重点督办事项的建议" + app.Provider, Body, submit: true);
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.PageAsync($"/suggestions/{id}")).QuerySelector("[data-testid=act-key]").ShouldBeNull("staff do not choose key suggestions");

        var council = await app.BrowserClientAsync("zhuren");
        (await council.StepAsync(id, "Key", new() { ["Key.Leader"] = "常委会副主任 李某" })).ShouldRedirectTo(id);

        (await council.PageAsync($"/suggestions/{id}")).QuerySelector("[data-testid=key]")!.TextContent.ShouldContain("领衔督办：常委会副主任 李某");
        var list = await staff.PageAsync("/suggestions?key=true");
        var row = list.QuerySelectorAll("[data-testid=suggestion-row]").Single(r => r.TextContent.Contains("关于重点督办事项的建议" + app.Provider));
        row.QuerySelector("[data-testid=key-badge]").ShouldNotBeNull();
        row.QuerySelector("[data-testid=key-leader]")!.TextContent.ShouldContain("常委会副主任 李某");
        list.QuerySelectorAll("[data-testid=suggestion-row]").ShouldAllBe(r => r.GetAttribute("data-key") == "true");
    }

    [Fact]
    public async Task Staff_return_an_inadmissible_suggestion_merge_a_duplicate_and_extend_an_answer_period()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var staff = await app.BrowserClientAsync("daigongwei");
        var (petition, _) = await deputy.CreateSuggestionAsync("关于个人信访事项的建议" + app.Provider, Body, submit: true);
        var (duplicate, _) = await deputy.CreateSuggestionAsync("关于学校供暖的建议（一）" + app.Provider, Body, submit: true);
        var (original, _) = await deputy.CreateSuggestionAsync("关于学校供暖的建议（二）" + app.Provider, Body, submit: true);

        (await staff.StepAsync(petition, "Return", new() { ["Return.Reason"] = "Petition", ["Return.Note"] = "请通过信访渠道反映。" })).ShouldRedirectTo(petition);
        var returned = await deputy.PageAsync($"/suggestions/{petition}");
        returned.Status().ShouldBe("已退回代表");
        returned.QuerySelector("main")!.TextContent.ShouldContain("属于信访或申诉事项。请通过信访渠道反映。");

        var unknown = await staff.StepAsync(duplicate, "Merge", new() { ["Merge.TargetNumber"] = "1999-999" });
        (await unknown.DocumentAsync()).QuerySelector("#act-merge")!.TextContent.ShouldContain("没有编号为 1999-999 的建议");
        var number = (await staff.PageAsync($"/suggestions/{original}")).QuerySelector("[data-testid=number]")!.TextContent.Trim();
        (await staff.StepAsync(duplicate, "Merge", new() { ["Merge.TargetNumber"] = number })).ShouldRedirectTo(duplicate);
        var merged = await deputy.PageAsync($"/suggestions/{duplicate}");
        merged.Status().ShouldBe("已并案");
        merged.QuerySelector($"main a[href='/suggestions/{original}']")!.TextContent.ShouldBe(number);

        (await staff.StepAsync(original, "Assign", new() { ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Education) })).ShouldRedirectTo(original);
        var before = (await staff.PageAsync($"/suggestions/{original}")).QuerySelector("[data-testid=answer-due]")!.TextContent;
        (await staff.StepAsync(original, "Extend", new() { ["Extend.Months"] = "1", ["Extend.Reason"] = "涉及多部门协调，经主任会议批准延期。" })).ShouldRedirectTo(original);
        var extended = await staff.PageAsync($"/suggestions/{original}");
        extended.QuerySelector("[data-testid=answer-due]")!.TextContent.ShouldNotBe(before);
        extended.QuerySelectorAll("[data-testid=clock]").Select(c => c.TextContent).ShouldContain(t => t.Contains("已延期 1 次"));
        var tooLong = await staff.StepAsync(original, "Extend", new() { ["Extend.Months"] = "3", ["Extend.Reason"] = "再延期" });
        (await tooLong.DocumentAsync()).QuerySelector("#act-extend")!.TextContent.ShouldContain("答复期限最长为交办之日起 6 个月");
    }

    [Fact]
    public async Task A_co_unit_sends_its_views_and_reports_the_progress_of_a_commitment()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var (id, _) = await deputy.CreateSuggestionAsync("关于教育经费保障的建议" + app.Provider, Body, submit: true);
        var staff = await app.BrowserClientAsync("daigongwei");
        (await staff.StepAsync(id, "Assign", new()
        {
            ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Finance), ["Assign.CoUnits"] = await UnitAsync(Education),
        })).ShouldRedirectTo(id);
        var coUnit = await app.BrowserClientAsync("jiaoyuju");
        var view = await coUnit.PageAsync($"/suggestions/{id}");
        view.QuerySelector("[data-testid=act-coviews]").ShouldNotBeNull();
        view.QuerySelector("[data-testid=act-answer]").ShouldBeNull("a co-unit does not answer the deputy");

        (await coUnit.StepAsync(id, "CoViews", new() { ["CoViews.Views"] = "建议财政局统筹安排寄宿制学校供暖专项经费。" })).ShouldRedirectTo(id);
        (await coUnit.StepAsync(id, "Commitment", new() { ["Commitment.Promise"] = "2027 年秋季学期前完成 10 所学校供暖改造", ["Commitment.DueOn"] = "2027-08-31" })).ShouldRedirectTo(id);
        var withCommitment = await coUnit.PageAsync($"/suggestions/{id}");
        withCommitment.QuerySelector("[data-testid=assignments]")!.TextContent.ShouldContain("协办意见：建议财政局统筹安排");
        var commitmentId = withCommitment.QuerySelector<IHtmlInputElement>("input[name='Progress.CommitmentId']")!.Value;
        (await coUnit.StepAsync(id, "Progress", new() { ["Progress.CommitmentId"] = commitmentId, ["Progress.Text"] = "已完成全部 10 所学校改造。", ["Progress.Done"] = "true" })).ShouldRedirectTo(id);

        var done = await deputy.PageAsync($"/suggestions/{id}");
        var commitment = done.QuerySelector("[data-testid=commitment]")!;
        commitment.TextContent.ShouldContain("已落实");
        commitment.TextContent.ShouldContain("已完成全部 10 所学校改造。");
        commitment.QuerySelector("form").ShouldBeNull("the deputy reads the progress; only the unit reports it");
    }

    [Fact]
    public async Task The_public_portal_shows_only_published_suggestions_without_id_or_phone_numbers()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var staff = await app.BrowserClientAsync("daigongwei");
        var unit = await app.BrowserClientAsync("jiaoyuju");
        var published = "关于公开办理结果的建议" + app.Provider;
        var hidden = "关于尚未公开的建议" + app.Provider;
        var personal = Body + "联系人电话 13912345678，身份证号 632801199001011234。";
        var ids = new List<int>();
        foreach (var title in new[] { published, hidden })
        {
            var (id, _) = await deputy.CreateSuggestionAsync(title, personal, submit: true);
            (await staff.StepAsync(id, "Accept", [])).ShouldRedirectTo(id);
            (await staff.StepAsync(id, "Assign", new() { ["Assign.Mode"] = "LeadAndCo", ["Assign.LeadUnit"] = await UnitAsync(Education) })).ShouldRedirectTo(id);
            (await unit.AnswerAsync(id, new() { ["Answer.Category"] = "B", ["Answer.Text"] = "已列入计划，经办人电话 0977-8223456。", ["Answer.SignedBy"] = "局长 王某" }, null)).ShouldRedirectTo(id);
            ids.Add(id);
        }
        // Staff publish with the text prefilled from the record; the server removes the numbers.
        var form = await staff.PageAsync($"/suggestions/{ids[0]}");
        var fields = new Dictionary<string, string>
        {
            ["Publish.Title"] = form.QuerySelector<IHtmlInputElement>("#Publish-Title")!.Value,
            ["Publish.Content"] = form.QuerySelector<IHtmlTextAreaElement>("#Publish-Content")!.Value,
            ["Publish.Answer"] = form.QuerySelector<IHtmlTextAreaElement>("#Publish-Answer")!.Value,
        };
        fields["Publish.Content"].ShouldContain("13912345678");
        (await staff.StepAsync(ids[0], "Publish", fields)).ShouldRedirectTo(ids[0]);

        var visitor = app.Anonymous();
        var list = await visitor.GetAsync("/public/suggestions");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await list.DocumentAsync()).QuerySelectorAll("[data-testid=public-suggestion]").Select(a => a.TextContent).ToList();
        listed.ShouldContain(t => t.Contains(published));
        listed.ShouldNotContain(t => t.Contains(hidden));
        var detail = await visitor.GetAsync($"/public/suggestions/{ids[0]}");
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await detail.Content.ReadAsStringAsync();
        html.ShouldContain("［电话已隐去］");
        html.ShouldContain("［身份证号已隐去］");
        html.ShouldNotContain("13912345678");
        html.ShouldNotContain("632801199001011234");
        html.ShouldNotContain("8223456");
        IdOrPhone().IsMatch(html).ShouldBeFalse("no ID or mobile number anywhere in the page");
        await using (var scope = app.Db())
        {
            var lead = await scope.Context.Set<Suggestion>().Where(s => s.Id == ids[0]).Select(s => s.LeadDeputyId).SingleAsync();
            var name = await scope.Context.Deputies.Where(d => d.Id == lead).Select(d => d.Person!.Name).SingleAsync();
            html.ShouldNotContain(name, Case.Sensitive, "the deputy's name is personal data the portal does not show");
        }
        (await visitor.GetAsync($"/public/suggestions/{ids[1]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var search = await (await visitor.GetAsync("/public/suggestions?q=" + Uri.EscapeDataString("公开办理结果"))).DocumentAsync();
        search.QuerySelectorAll("[data-testid=public-suggestion]").Select(a => a.TextContent).ShouldContain(t => t.Contains(published));

        (await staff.StepAsync(ids[0], "Unpublish", [])).ShouldRedirectTo(ids[0]);
        (await visitor.GetAsync($"/public/suggestions/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deputy_finds_co_signers_by_name_and_the_invited_deputy_sees_only_names()
    {
        var deputy = await app.BrowserClientAsync("daibiao");
        var token = await deputy.CsrfTokenAsync();
        token.ShouldNotBeNullOrEmpty();
        var lookup = await deputy.GetAsync("/api/v1/congresses/632800/deputies/lookup?q=" + Uri.EscapeDataString("王"));
        var json = await lookup.Content.ReadAsStringAsync();
        lookup.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        var found = System.Text.Json.JsonDocument.Parse(json).RootElement;
        found.GetArrayLength().ShouldBeGreaterThan(0);
        found[0].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "name", "delegation"], ignoreOrder: true);
        IdOrPhone().IsMatch(json).ShouldBeFalse();
        (await deputy.GetAsync("/api/v1/congresses/630000/deputies/lookup?q=王")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Without script the picker's 查找 posts the form and shows the matches as checkboxes, keeping what was typed.
        var find = await deputy.PostFormAsync("/suggestions/new?handler=Find", new()
        {
            ["Title"] = "关于联名的建议" + app.Provider, ["Category"] = "教育", ["Period"] = "BetweenSessions", ["Content"] = Body, ["DeputyQuery"] = "王", ["IdempotencyKey"] = "k",
        }, formPage: "/suggestions/new");
        var page = await find.DocumentAsync();
        var boxes = page.QuerySelectorAll<IHtmlInputElement>("[data-testid=picker-results] input[name=CoSigners]").ToList();
        boxes.ShouldNotBeEmpty();
        page.QuerySelector<IHtmlInputElement>("#Title")!.Value.ShouldBe("关于联名的建议" + app.Provider);
    }

    private async Task<string> UnitAsync(string name)
    {
        await using var scope = app.Db();
        return (await scope.Context.HandlingUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A minimal well-formed PDF: the store decides the type from the bytes.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)")]
    private static partial Regex IdOrPhone();
}

public sealed class SuggestionPagesTests_Sqlite(SqliteApp app) : SuggestionPagesTests(app), IClassFixture<SqliteApp>;
public sealed class SuggestionPagesTests_Postgres(PostgresApp app) : SuggestionPagesTests(app), IClassFixture<PostgresApp>;

/// <summary>Intent-named steps through the suggestion pages, as a browser sends them.</summary>
public static partial class SuggestionPageSteps
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> DocumentAsync(this HttpResponseMessage response)
        => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs a page and insists on 200.</summary>
    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {(html.Length > 500 ? html[..500] : html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static string Status(this IHtmlDocument page) => page.QuerySelector("[data-testid=status]")!.TextContent.Trim();

    /// <summary>Fills /suggestions/new and presses 提交 or 保存草稿; returns the new suggestion's id (0 if refused) and the response.</summary>
    public static async Task<(int Id, HttpResponseMessage Response)> CreateSuggestionAsync(this HttpClient deputy, string title, string content, bool submit, string? key = null)
    {
        key ??= Guid.NewGuid().ToString("N");
        var response = await deputy.PostFormAsync("/suggestions/new", new()
        {
            ["Title"] = title, ["Category"] = "教育", ["Period"] = "BetweenSessions", ["Content"] = content, ["IdempotencyKey"] = key, ["intent"] = submit ? "submit" : "draft",
        });
        var id = response.StatusCode == HttpStatusCode.Redirect && SuggestionLink().Match(response.Headers.Location!.ToString()) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (id, response);
    }

    /// <summary>Sends one action form of the detail page (handler = Accept, Assign, Rate …).</summary>
    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, int id, string handler, Dictionary<string, string> fields)
        => client.PostFormAsync($"/suggestions/{id}?handler={handler}", fields, formPage: $"/suggestions/{id}");

    /// <summary>The unit's answer form: multipart, with the signed document when given.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient unit, int id, Dictionary<string, string> fields, (string Name, byte[] Content)? document)
    {
        var html = await (await unit.GetAsync($"/suggestions/{id}")).Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        token.Success.ShouldBeTrue($"no antiforgery token on /suggestions/{id}");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token.Groups[1].Value), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        if (document is { } d)
            content.Add(new ByteArrayContent(d.Content), "Answer.Document", d.Name);
        return await unit.PostAsync($"/suggestions/{id}?handler=Answer", content);
    }

    public static void ShouldRedirectTo(this HttpResponseMessage response, int id)
    {
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var error = Regex.Match(body, "data-testid=\"(?:page-error|form-error)\"[^>]*>([^<]+)<").Groups[1].Value;
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the step was refused: {error} {(error.Length == 0 && body.Length > 300 ? body[..300] : "")}");
        response.Headers.Location!.ToString().ShouldBe($"/suggestions/{id}");
    }

    [GeneratedRegex(@"^/suggestions/(\d+)$")]
    private static partial Regex SuggestionLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
