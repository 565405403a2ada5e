using System.Net;
using System.Text.Json;
using Renda.Tests.Infrastructure;
using Renda.Tests.Platform.LegalText;
using Renda.Web.Features.Laws;

namespace Renda.Tests.Features.Laws;

/// <summary>Intent-named steps of the regulations database: folders of law files, imports, searches over HTTP.</summary>
public static class LawSteps
{
    /// <summary>A temporary laws folder: category folders with Markdown files, written as given or copied from the collection.</summary>
    public sealed class LawFolder
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("renda-laws-").FullName;

        public LawFolder With(string path, string markdown)
        {
            var file = Path.Combine(Dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, markdown);
            return this;
        }

        public LawFolder Copy(string path) => With(path, File.ReadAllText(Path.Combine(SharedData.Laws, path)));
    }

    public static string Markdown(string title, string history, string body) => $"# {title}\n\n{history}\n\n<!-- INFO END -->\n\n{body}\n";

    public static async Task<LawImportReport> ImportLawsAsync(this RendaApp app, string dir)
    {
        await using var scope = app.Db();
        return await LawImport.ImportDirectoryAsync(scope.Context, dir, app.Clock);
    }

    /// <summary>`renda import-laws DIR` as a process against the app's database: exit status, standard output and error.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunImportLawsAsync(this RendaApp app, string dir) =>
        Renda.Tests.Platform.Cli.CommandLineTests.RunAsync("import-laws", dir, $"--Database:Provider={app.Provider}",
            $"--ConnectionStrings:Renda={app.ConnectionStringForTools}", $"--Renda:DataDir={app.DataDir}");

    public static async Task<JsonElement> SearchLawsAsync(this HttpClient client, string query)
    {
        var r = await client.GetAsync($"/api/v1/laws?{query}");
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> LawAsync(this HttpClient client, int id)
    {
        var r = await client.GetAsync($"/api/v1/laws/{id}");
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<int> LawIdAsync(this RendaApp app, string sourcePath)
    {
        await using var scope = app.Db();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            scope.Context.Set<Law>().Where(l => l.SourcePath == sourcePath).Select(l => l.Id));
    }

    public static string[] Titles(this JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();
}
