using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/budget/import — staff upload a month of the finance bureau's data (built by the import part: #Kind, #File, 导入).</summary>
public sealed class BudgetImportPage(IPage page) : ShellPage(page)
{
    public static async Task<BudgetImportPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/budget/import");
        return new BudgetImportPage(page);
    }

    public async Task UploadPaymentsAsync(string fileName, byte[] content)
    {
        await Page.Locator("#Kind").SelectOptionAsync("Payments");
        await Page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "导入" }));
    }
}

/// <summary>/budget/warnings and /budget/warnings/unit — warnings as cards.</summary>
public sealed class BudgetWarningListPage(IPage page) : ShellPage(page)
{
    public ILocator Card(int id) => Page.GetByTestId($"warning-{id}");
    public ILocator Cards => Page.GetByTestId("warning-list").Locator("li");

    public static async Task<BudgetWarningListPage> OpenAsync(IPage page, string path = "/budget/warnings")
    {
        await VisitAsync(page, path);
        return new BudgetWarningListPage(page);
    }

    public async Task<BudgetWarningPage> OpenWarningAsync(int id)
    {
        await Card(id).Locator("a").First.ClickAsync();
        await Page.WaitForURLAsync($"**/budget/warnings/{id}");
        return new BudgetWarningPage(Page);
    }
}

/// <summary>/budget/warnings/{id} — the warning, its evidence and replies, and the actor's steps.</summary>
public sealed class BudgetWarningPage(IPage page) : ShellPage(page)
{
    public ILocator Status => Page.GetByTestId("status").First;
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Evidence => Page.GetByTestId("evidence");
    public ILocator Replies => Page.GetByTestId("replies");
    public ILocator Attachments => Page.GetByTestId("attachments");

    public static async Task<BudgetWarningPage> OpenAsync(IPage page, int id)
    {
        await VisitAsync(page, $"/budget/warnings/{id}");
        return new BudgetWarningPage(page);
    }

    public Task SendAsync() => SubmitAsync(Page.GetByTestId("send"));

    public async Task AnswerAsync(string explanation, string rectification, string fileName)
    {
        await Page.GetByLabel("情况说明（必填）").FillAsync(explanation);
        await Page.GetByLabel("整改情况").FillAsync(rectification);
        await Page.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "提交答复" }));
    }

    public Task AcceptAsync() => SubmitConfirmedAsync(Page.GetByTestId("accept"));
}
