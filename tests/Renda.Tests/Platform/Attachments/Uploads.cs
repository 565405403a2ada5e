using System.Text.RegularExpressions;

namespace Renda.Tests.Platform.Attachments;

/// <summary>Multipart uploads as a program (bearer) or a browser (form with its antiforgery token) sends them.</summary>
public static partial class Uploads
{
    /// <summary>POSTs a real file from disk as the multipart field "file", with extra text fields.</summary>
    public static async Task<HttpResponseMessage> UploadFileAsync(this HttpClient client, string url, string path, string fileName, Dictionary<string, string>? fields = null)
    {
        using var content = new MultipartFormDataContent();
        await using var stream = File.OpenRead(path);
        content.Add(new StreamContent(stream), "file", fileName);
        foreach (var (name, value) in fields ?? [])
            content.Add(new StringContent(value), name);
        return await client.PostAsync(url, content);
    }

    /// <summary>GETs the form page, takes its antiforgery token and posts the file to the form's address, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFileFormAsync(this HttpClient client, string formPage, string action, string path, string fileName)
    {
        var html = await (await client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        if (!token.Success)
            throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        return await client.UploadFileAsync(action, path, fileName, new() { ["__RequestVerificationToken"] = token.Groups[1].Value });
    }

    /// <summary>A file in a fresh temporary folder, deleted with the folder by the caller's using.</summary>
    public static TempFile Write(string name, byte[] content)
    {
        var file = new TempFile(name);
        File.WriteAllBytes(file.Path, content);
        return file;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

public sealed class TempFile : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("renda-upload-").FullName;

    public TempFile(string name) => Path = System.IO.Path.Combine(_dir, name);

    public string Path { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
