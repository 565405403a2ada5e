using Microsoft.Playwright;

namespace Renda.BrowserTests.Pages;

/// <summary>Base of the page objects: navigation and form submission that fail with what the server said.</summary>
public abstract class PageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The path and query of the current address ("/login?ReturnUrl=%2F").</summary>
    public string PathAndQuery => new Uri(Page.Url).PathAndQuery;

    /// <summary>
    /// Opens a path and insists on a page: an HTTP error fails here with its status, not later
    /// with a selector that never matches. (Chromium replaces an error with an empty body by its
    /// own error page and Playwright reports only ERR_HTTP_RESPONSE_CODE_FAILURE; the status is
    /// then asked for again with the same cookies.)
    /// </summary>
    public static async Task VisitAsync(IPage page, string path)
    {
        IResponse? response;
        try
        {
            response = await page.GotoAsync(path);
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            var again = await page.Context.APIRequest.GetAsync(path);
            throw new ShouldAssertException(
                $"GET {path} answered HTTP {again.Status} with an empty body, so the browser shows its own error page" +
                (again.Status == 404 ? " (the page does not exist in this build)." : "."), e);
        }
        if (response is { Status: >= 400 })
            throw new ShouldAssertException($"GET {path} answered HTTP {response.Status}: {Shorten(await response.TextAsync())}");
    }

    /// <summary>
    /// Clicks a submit button and waits until the browser shows the document the server answered
    /// with. A POST that re-renders the same address (a login error) changes neither the URL nor
    /// necessarily the text, so the old document is marked and the wait is for a document without
    /// the mark.
    /// </summary>
    protected async Task SubmitAsync(ILocator submit) => await SubmitCoreAsync(submit, refusalExpected: false);

    /// <summary>Clicks a submit button whose form the server must refuse with a reason (400, 403, 409, or 429 for too many tries) shown on the page again; returns the status.</summary>
    protected async Task<int> SubmitRefusedAsync(ILocator submit) => await SubmitCoreAsync(submit, refusalExpected: true);

    /// <summary>
    /// Submits a form that asks window.confirm first (data-confirm in meetings.js): accepts the question, as the
    /// person would, and returns it. (Playwright dismisses dialogs nobody handles, which cancels the submit.)
    /// </summary>
    protected async Task<string> SubmitConfirmedAsync(ILocator submit)
        => (await SubmitConfirmedCoreAsync(submit, refusalExpected: false)).Question;

    /// <summary>As <see cref="SubmitConfirmedAsync"/>, for a form the server must refuse: the question asked and the status.</summary>
    protected Task<(string Question, int Status)> SubmitConfirmedRefusedAsync(ILocator submit) => SubmitConfirmedCoreAsync(submit, refusalExpected: true);

    private async Task<(string Question, int Status)> SubmitConfirmedCoreAsync(ILocator submit, bool refusalExpected)
    {
        string? asked = null;
        void OnDialog(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }
        Page.Dialog += OnDialog;
        int status;
        try
        {
            status = await SubmitCoreAsync(submit, refusalExpected);
        }
        finally
        {
            Page.Dialog -= OnDialog;
        }
        return (asked ?? throw new ShouldAssertException("The form was submitted without asking for confirmation (data-confirm)."), status);
    }

    private async Task<int> SubmitCoreAsync(ILocator submit, bool refusalExpected)
    {
        IResponse? posted = null;
        void OnResponse(object? sender, IResponse r)
        {
            if (r.Request.Method == "POST" && r.Request.IsNavigationRequest) posted ??= r;
        }
        await Page.EvaluateAsync("() => { window.__rendaSubmitted = true; }");
        Page.Response += OnResponse;
        try
        {
            await submit.ClickAsync();
            await Page.WaitForFunctionAsync("() => window.__rendaSubmitted !== true && document.readyState !== 'loading'");
        }
        finally
        {
            Page.Response -= OnResponse;
        }
        var errorPage = Page.Url.StartsWith("chrome-error:", StringComparison.Ordinal);
        if (refusalExpected && !errorPage)
        {
            (posted?.Status ?? 200).ShouldBeOneOf([400, 403, 409, 429], "the form should have been refused with a reason");
            return posted!.Status;
        }
        if (errorPage || posted is { Status: >= 400 })
        {
            var status = posted?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var body = errorPage ? "(empty body; the browser shows its own error page)" : Shorten(await Page.ContentAsync());
            throw new ShouldAssertException($"The form POST to {posted?.Url ?? "(unknown)"} answered HTTP {status}: {body}");
        }
        return posted?.Status ?? 200;
    }

    private static string Shorten(string body) => body.Length == 0 ? "(empty body)" : body.Length > 300 ? body[..300] + "…" : body;
}
