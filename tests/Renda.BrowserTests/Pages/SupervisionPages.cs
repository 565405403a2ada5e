using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/supervision/reports: the year's reports by group.</summary>
public sealed class SupervisionReportsPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("report-row");

    public static async Task<SupervisionReportsPage> OpenAsync(IPage page, int year)
    {
        await VisitAsync(page, $"/supervision/reports?year={year}");
        return new SupervisionReportsPage(page);
    }

    public async Task<SupervisionReportPage> OpenReportAsync(string title)
    {
        await Rows.Filter(new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        return new SupervisionReportPage(Page);
    }
}

/// <summary>/supervision/reports/{id}: the report's clocks and the opinion → handling → judgement → follow-up loop.</summary>
public sealed class SupervisionReportPage(IPage page) : ShellPage(page)
{
    public ILocator Status => Page.GetByTestId("report-status");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");
    public ILocator Clocks => Page.GetByTestId("clocks");
    public ILocator Clock(string purpose) => Page.GetByTestId($"clock-{purpose}");
    public ILocator OpinionsDocument => Page.GetByTestId("opinions-docx");
    public ILocator Closed => Page.GetByTestId("closed");
    public string Path => new Uri(Page.Url).AbsolutePath;

    public static async Task<SupervisionReportPage> OpenAsync(IPage page, string path)
    {
        await VisitAsync(page, path);
        return new SupervisionReportPage(page);
    }

    public Task RecordHeardAsync() => SubmitAsync(Page.GetByTestId("heard"));

    public async Task SendOpinionsAsync(string opinions)
    {
        await Page.Locator("#opinions").FillAsync(opinions);
        await SubmitAsync(Page.GetByTestId("opinions-form").GetByRole(AriaRole.Button, new() { Name = "送交审议意见" }));
    }

    public ILocator Attachments => Page.GetByTestId("attachments");

    /// <summary>The organ uploads its signed handling report (a small PDF) on the report's page.</summary>
    public async Task AttachPdfAsync(string fileName)
    {
        await Page.GetByTestId("attach-form").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await SubmitAsync(Page.GetByTestId("attach"));
    }

    public async Task ReportHandlingAsync(string text)
    {
        await Page.Locator("#handling").FillAsync(text);
        await SubmitAsync(Page.GetByTestId("handling-form").GetByRole(AriaRole.Button, new() { Name = "报告研究处理情况" }));
    }

    public async Task AskFollowUpAsync(DateOnly due, string note)
    {
        var form = Page.GetByTestId("judge-form");
        await form.Locator("#j-follow").CheckAsync();
        await form.Locator("#due").FillAsync(due.ToString("yyyy-MM-dd"));
        await form.Locator("#note").FillAsync(note);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "提交测评" }));
    }

    public async Task<int> CloseRefusedAsync() => (await SubmitConfirmedRefusedAsync(Page.GetByTestId("close"))).Status;
    public Task CloseAsync() => SubmitConfirmedAsync(Page.GetByTestId("close"));

    public async Task ReportFollowUpAsync(string text)
    {
        await Page.Locator("#follow").FillAsync(text);
        await SubmitAsync(Page.GetByTestId("follow-up-form").GetByRole(AriaRole.Button, new() { Name = "报告落实情况" }));
    }
}

/// <summary>/supervision/appraisals and /supervision/appraisals/{id}: a member appraises an official from the phone.</summary>
public sealed class AppraisalPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("review-row");
    public ILocator Form => Page.GetByTestId("appraisal-form");
    public ILocator Appraised => Page.GetByTestId("appraised");
    public ILocator Count => Page.GetByTestId("appraised-count");
    public ILocator Message => Page.GetByTestId("message");

    public static async Task<AppraisalPage> OpenListAsync(IPage page)
    {
        await VisitAsync(page, "/supervision/appraisals");
        return new AppraisalPage(page);
    }

    public async Task OpenAwaitingAsync() => await Rows.Filter(new() { HasText = "待测评" }).First.ClickAsync();

    public Task ChooseAsync(string label) => SubmitAsync(Form.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }));
}

/// <summary>/supervision/statistics: the figures, each a link.</summary>
public sealed class SupervisionStatisticsPage(IPage page) : ShellPage(page)
{
    public ILocator Figure(string key) => Page.GetByTestId($"figure-{key}");

    public static async Task<SupervisionStatisticsPage> OpenAsync(IPage page, int year)
    {
        await VisitAsync(page, $"/supervision/statistics?year={year}");
        return new SupervisionStatisticsPage(page);
    }
}

/// <summary>/supervision/plan — the year's plan, its topics and their progress.</summary>
public sealed class SupervisionPlanPage(IPage page) : ShellPage(page)
{
    public ILocator TopicRow(string title) => Page.GetByTestId("topic-row").Filter(new() { HasText = title });

    public static async Task<SupervisionPlanPage> OpenAsync(IPage page, int year)
    {
        await VisitAsync(page, $"/supervision/plan?year={year}");
        return new SupervisionPlanPage(page);
    }

    public async Task AddTopicAsync(string title)
    {
        var form = Page.GetByTestId("topic-form");
        await form.Locator("#t-title").FillAsync(title);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "添加" }));
    }
}

/// <summary>/supervision/plan/topics/{id} — a topic changed by staff, with the records that carry it out.</summary>
public sealed class SupervisionTopicPage(IPage page) : ShellPage(page)
{
    public ILocator Records => Page.GetByTestId("topic-records");

    public static async Task<SupervisionTopicPage> OpenFromPlanAsync(SupervisionPlanPage plan, string title)
    {
        await plan.TopicRow(title).GetByTestId("topic-edit").ClickAsync();
        return new SupervisionTopicPage(plan.Page);
    }

    public async Task RenameAsync(string title, int month)
    {
        var form = Page.GetByTestId("topic-edit-form");
        await form.Locator("#t-title").FillAsync(title);
        await form.Locator("#t-month").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "保存" }));
    }
}

/// <summary>/supervision/inquiries — arranging a special inquiry, which opens its own page; there it is linked to a plan topic.</summary>
public sealed class SupervisionInquiryPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");
    public ILocator CurrentTopic => Page.GetByTestId("topic-current");

    public static async Task<SupervisionInquiryPage> ArrangeAsync(IPage page, string title, DateOnly on)
    {
        await VisitAsync(page, $"/supervision/inquiries?year={on.Year}");
        var form = page.GetByTestId("inquiry-form");
        await form.Locator("[name=Title]").FillAsync(title);
        await form.Locator("[name=HeldOn]").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var inquiry = new SupervisionInquiryPage(page);
        await inquiry.SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "安排" }));
        return inquiry;
    }

    public ILocator Questions => Page.GetByTestId("questions");

    /// <summary>Records a question whose asker is picked from the roster (the name comes with it).</summary>
    public async Task RecordQuestionAsync(int askerDeputyId, string organ, string question)
    {
        var form = Page.GetByTestId("question-form");
        await form.GetByLabel("询问人（代表）").SelectOptionAsync(new SelectOptionValue { Value = askerDeputyId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await form.GetByLabel("应询机关").FillAsync(organ);
        await form.GetByLabel("问题").FillAsync(question);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "记录" }));
    }

    /// <summary>Corrects the text of the question that reads <paramref name="question"/>.</summary>
    public async Task CorrectQuestionAsync(string question, string corrected)
    {
        var edit = Questions.GetByTestId("question").Filter(new() { HasText = question }).GetByTestId("question-edit");
        await edit.Locator("summary").ClickAsync();
        await edit.GetByLabel("问题").FillAsync(corrected);
        await SubmitAsync(edit.GetByRole(AriaRole.Button, new() { Name = "保存更正" }));
    }

    public async Task LinkTopicAsync(string topic)
    {
        var form = Page.GetByTestId("topic-link-form");
        await form.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = topic });
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "保存关联" }));
    }
}

/// <summary>/supervision/surveys — surveys and deputies' inspections; a new one can carry out a plan topic.</summary>
public sealed class SupervisionSurveysPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");

    public static async Task<SupervisionSurveysPage> OpenAsync(IPage page, int year)
    {
        await VisitAsync(page, $"/supervision/surveys?year={year}");
        return new SupervisionSurveysPage(page);
    }

    public async Task RegisterAsync(string subject, DateOnly on, string planTopic)
    {
        var form = Page.GetByTestId("survey-form");
        await form.Locator("[name=Topic]").FillAsync(subject);
        await form.Locator("[name=StartsOn]").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("[name=EndsOn]").FillAsync(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByTestId("topic-select").SelectOptionAsync(new SelectOptionValue { Label = planTopic });
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "登记" }));
    }
}
