using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/filings/new — the filer's form.</summary>
public sealed class FilingFormPage(IPage page) : ShellPage(page)
{
    public static async Task<FilingFormPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/filings/new");
        return new FilingFormPage(page);
    }

    public async Task<MyFilingsPage> FileAsync(string title, string number, DateOnly publishedOn, string text)
    {
        await Page.GetByLabel("文件名称").FillAsync(title);
        await Page.GetByLabel("文号").FillAsync(number);
        await Page.GetByLabel("公布日期").FillAsync(publishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("文件正文").FillAsync(text);
        await Page.GetByLabel("起草说明").FillAsync("起草说明：为规范城市地下管线管理，依据有关法律法规起草本办法。");
        await Page.GetByLabel("制定依据").FillAsync("《城镇燃气管理条例》《青海省实施〈中华人民共和国城乡规划法〉办法》");
        await Page.GetByLabel("文件扫描件（PDF 或 Word，可选）").SetInputFilesAsync(new FilePayload
        {
            Name = "scan.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await SubmitAsync(Page.GetByTestId("submit-filing"));
        return new MyFilingsPage(Page);
    }
}

/// <summary>/filings/mine — the filer's receipts and returns.</summary>
public sealed class MyFilingsPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Row(string title) => Page.GetByTestId("my-filing").Filter(new() { HasText = title });

    public static async Task<MyFilingsPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/filings/mine");
        return new MyFilingsPage(page);
    }
}

/// <summary>/filings — staff's list with filters.</summary>
public sealed class FilingListPage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("filing-row");

    public static async Task<FilingListPage> OpenAsync(IPage page, string query = "")
    {
        await VisitAsync(page, "/filings" + query);
        return new FilingListPage(page);
    }

    public async Task<FilingDetailPage> OpenFilingAsync(string title)
    {
        await Rows.Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/filings/\d+$"));
        return new FilingDetailPage(Page);
    }
}

/// <summary>/filings/{id} — intake, review, findings, communication and outcome.</summary>
public sealed class FilingDetailPage(IPage page) : ShellPage(page)
{
    public ILocator Status => Page.GetByTestId("filing-status");
    public ILocator RegistrationNumber => Page.GetByTestId("registration-number");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");
    public ILocator Review => Page.GetByTestId("review").First;
    public ILocator ReviewStatus => Review.GetByTestId("review-status");
    public ILocator Findings => Review.GetByTestId("findings");
    public ILocator Clocks => Page.GetByTestId("clocks");
    public ILocator Attachments => Page.GetByTestId("filing-attachments");

    public Task ReceiveAsync() => SubmitAsync(Page.GetByTestId("receive"));
    public Task PassAsync() => SubmitAsync(Review.GetByTestId("pass"));

    public async Task RecordFindingAsync(string standard, bool problem, string? ground = null)
    {
        var form = Review.GetByTestId("finding-form");
        await form.GetByLabel("审查标准").SelectOptionAsync(new SelectOptionValue { Label = standard });
        await form.GetByLabel("结论").SelectOptionAsync(new SelectOptionValue { Label = problem ? "存在问题" : "未发现问题" });
        await form.GetByLabel("法律依据").FillAsync(ground ?? "");
        await form.GetByLabel("审查意见").FillAsync(problem ? "存在问题。" : "未发现问题。");
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "登记" }));
    }

    public async Task<int> CloseRefusedAsync() => (await SubmitConfirmedRefusedAsync(Review.GetByTestId("close-review"))).Status;

    public async Task CloseAsync(string note)
    {
        await Review.GetByTestId("close-form").GetByLabel("说明").FillAsync(note);
        await SubmitConfirmedAsync(Review.GetByTestId("close-review"));
    }
}

/// <summary>/public/review-suggestion — the anonymous form, and the status page it leads to.</summary>
public sealed class ReviewSuggestionPage(IPage page) : ShellPage(page)
{
    public ILocator TrackingCode => Page.GetByTestId("tracking-code");
    public ILocator PublicStatus => Page.GetByTestId("public-status");
    public ILocator FormError => Page.GetByTestId("form-error");

    public static async Task<ReviewSuggestionPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/public/review-suggestion");
        return new ReviewSuggestionPage(page);
    }

    private async Task FillAsync(string document, string reasons)
    {
        await Page.GetByLabel("建议审查的文件名称").FillAsync(document);
        await Page.GetByLabel("制定机关（如知道）").FillAsync("海西州人民政府");
        await Page.GetByLabel("审查建议的理由（具体条款及其问题）").FillAsync(reasons);
        await Page.GetByLabel("姓名或单位名称").FillAsync("马国华");
        await Page.GetByLabel("联系方式（电话或电子邮箱，仅用于反馈）").FillAsync("13997005678");
    }

    public async Task SendAsync(string document, string reasons)
    {
        await FillAsync(document, reasons);
        await SubmitAsync(Page.GetByTestId("send-suggestion"));
    }

    public async Task<int> SendRefusedAsync(string document, string reasons)
    {
        await FillAsync(document, reasons);
        return await SubmitRefusedAsync(Page.GetByTestId("send-suggestion"));
    }
}
