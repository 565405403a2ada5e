using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>/legislation/bills: the list and the form for a new bill.</summary>
public sealed class BillsPage(IPage page) : ShellPage(page)
{
    public static async Task<BillsPage> OpenAsync(IPage page)
    {
        await VisitAsync(page, "/legislation/bills");
        return new BillsPage(page);
    }

    public async Task<BillPage> CreateAsync(string title)
    {
        var form = Page.GetByTestId("new-bill-form");
        await form.Locator("#title").FillAsync(title);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "新建" }));
        return new BillPage(Page);
    }
}

/// <summary>/legislation/bills/{id}: versions, readings, comment periods, promulgation.</summary>
public sealed class BillPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("bill-title");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");
    public ILocator Versions => Page.GetByTestId("version-row");

    public async Task<VersionPage> PasteAsync(string text)
    {
        var form = Page.GetByTestId("paste-form");
        await form.Locator("#text").FillAsync(text);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "解析并保存" }));
        return new VersionPage(Page);
    }

    public async Task<int> PasteRefusedAsync(string text)
    {
        var form = Page.GetByTestId("paste-form");
        await form.Locator("#text").FillAsync(text);
        return await SubmitRefusedAsync(form.GetByRole(AriaRole.Button, new() { Name = "解析并保存" }));
    }

    public async Task<VersionPage> DeriveFromAsync(string versionLabel)
    {
        await SubmitAsync(Versions.Filter(new() { HasText = versionLabel }).GetByRole(AriaRole.Button, new() { Name = "由此生成新版本" }));
        return new VersionPage(Page);
    }
}

/// <summary>/legislation/bills/{id}/versions/{v}: the text and its structure editor.</summary>
public sealed class VersionPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Labels => Page.GetByTestId("article-label");
    public ILocator ArticleCount => Page.GetByTestId("article-count");
    public ILocator Article(string label) => Page.GetByTestId("article").Filter(new() { Has = Page.GetByTestId("article-label").GetByText(label, new() { Exact = true }) });

    private async Task<ILocator> EditorAsync(string label)
    {
        var editor = Page.GetByTestId($"edit-{label}");
        await editor.Locator("summary").ClickAsync();
        return editor;
    }

    public async Task InsertAfterAsync(string label, string text)
    {
        var form = (await EditorAsync(label)).GetByTestId("insert-form");
        await form.Locator("textarea").FillAsync(text);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "插入" }));
    }

    public async Task RewordAsync(string label, string text)
    {
        var form = (await EditorAsync(label)).GetByTestId("reword-form");
        await form.Locator("textarea").FillAsync(text);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "保存修改" }));
    }

    public async Task MoveAfterAsync(string label, string targetOption)
    {
        var form = (await EditorAsync(label)).GetByTestId("move-form");
        await form.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = targetOption });
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "移动" }));
    }

    public async Task DeleteAsync(string label)
    {
        var form = (await EditorAsync(label)).GetByTestId("delete-form");
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "删除本条" }));
    }

    public async Task<ComparePage> CompareWithParentAsync()
    {
        await Page.GetByTestId("compare-parent").ClickAsync();
        await Page.WaitForURLAsync("**/compare?**");
        return new ComparePage(Page);
    }
}

/// <summary>/legislation/bills/{id}/compare: the 条文对照表.</summary>
public sealed class ComparePage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.GetByTestId("row");
    public ILocator Row(string kind) => Page.Locator($"[data-testid='row'][data-kind='{kind}']");
    public ILocator Summary => Page.GetByTestId("summary");
    public ILocator Export => Page.GetByTestId("export-docx");

    public async Task GiveReasonAsync(string kind, string reason)
    {
        var row = Row(kind).First;
        await row.Locator("summary").ClickAsync();
        var form = row.GetByTestId("reason-form");
        await form.Locator("textarea").FillAsync(reason);
        await SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "保存" }));
    }
}

/// <summary>/legislation/public/comments/{id}: the draft on the public site, a comment form under each article.</summary>
public sealed class PublicDraftPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.GetByTestId("draft-title");
    public ILocator Status => Page.GetByTestId("period-status");
    public ILocator Message => Page.GetByTestId("message");
    public ILocator Error => Page.GetByTestId("error");

    public static async Task<PublicDraftPage> OpenAsync(IPage page, string path)
    {
        await VisitAsync(page, path);
        return new PublicDraftPage(page);
    }

    private async Task<ILocator> FormAsync(string label, string text, string? name)
    {
        var box = Page.GetByTestId($"comment-{label}");
        await box.Locator("summary").ClickAsync();
        await box.Locator("textarea").FillAsync(text);
        if (name is not null) await box.Locator("input[name='Name']").FillAsync(name);
        return box;
    }

    public async Task CommentAsync(string label, string text, string? name = null)
        => await SubmitAsync((await FormAsync(label, text, name)).GetByRole(AriaRole.Button, new() { Name = "提交意见" }));

    public async Task<int> CommentRefusedAsync(string label, string text)
        => await SubmitRefusedAsync((await FormAsync(label, text, null)).GetByRole(AriaRole.Button, new() { Name = "提交意见" }));
}
