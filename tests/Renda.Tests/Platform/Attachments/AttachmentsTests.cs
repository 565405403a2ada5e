using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Platform.Attachments;

namespace Renda.Tests.Platform.Attachments;

/// <summary>Attachments: type by content, size limit, identical bytes back, and visibility only to who may see the owner.</summary>
public abstract class AttachmentsTests(RendaApp app)
{
    private const string Upload = "/api/v1/attachments";
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [Fact]
    public async Task A_pdf_comes_back_byte_for_byte_as_a_download_with_its_sha256_recorded()
    {
        var deputy = await HaixiDeputyAsync(0);
        var content = Pdf(300_000);
        using var file = Uploads.Write("述职报告.pdf", content);
        var staff = await app.ApiClientAsync("daigongwei");

        var created = await (await staff.UploadFileAsync(Upload, file.Path, "述职报告.pdf", Owner(deputy))).ShouldBeOkJsonAsync(HttpStatusCode.Created);

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file.Path)));
        created.GetProperty("sha256").GetString().ShouldBe(sha);
        created.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        created.GetProperty("size").GetInt64().ShouldBe(content.Length);
        var id = created.GetProperty("id").GetInt32();

        var download = await staff.GetAsync($"{Upload}/{id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(sha);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("述职报告.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        var list = await (await staff.GetAsync($"{Upload}?ownerType=Deputy&ownerId={deputy}")).ShouldBeOkJsonAsync();
        list.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ShouldContain(id);
        await using var scope = app.Db();
        var stored = await scope.Context.Attachments.SingleAsync(a => a.Id == id);
        stored.StoragePath.ShouldBe($"{sha[..2]}/{sha[2..4]}/{sha}");
        File.Exists(Path.Combine(app.DataDir, "attachments", stored.StoragePath)).ShouldBeTrue();
        (await scope.Context.AuditRecords.CountAsync(r => r.EntityType == "Attachment" && r.EntityId == id.ToString() && r.Action == "download")).ShouldBe(1);
    }

    [Fact]
    public async Task A_png_named_pdf_an_executable_and_a_plain_zip_are_refused_and_nothing_is_stored()
    {
        var deputy = await HaixiDeputyAsync(1);
        var staff = await app.ApiClientAsync("daigongwei");
        var before = await CountAsync();
        var files = StoredFiles();

        using var png = Uploads.Write("report.pdf", PngBytes);
        (await (await staff.UploadFileAsync(Upload, png.Path, "report.pdf", Owner(deputy))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("file")[0].ShouldContain("文件内容与扩展名不符");

        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        foreach (var (name, bytes) in new[] { ("setup.exe", exe), ("setup.pdf", exe), ("tool", elf), ("archive.zip", Zip("readme.txt")) })
        {
            using var file = Uploads.Write("upload.bin", bytes);
            (await (await staff.UploadFileAsync(Upload, file.Path, name, Owner(deputy))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
                .FieldErrors("file")[0].ShouldContain("不支持的文件类型");
        }
        (await CountAsync()).ShouldBe(before);
        StoredFiles().ShouldBe(files);

        // The same checks accept what they should: a real Word document, and a PNG by its right name.
        using var docx = Uploads.Write("x.docx", Zip("word/document.xml"));
        (await (await staff.UploadFileAsync(Upload, docx.Path, "履职报告.docx", Owner(deputy))).ShouldBeOkJsonAsync(HttpStatusCode.Created))
            .GetProperty("contentType").GetString().ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await (await staff.UploadFileAsync(Upload, png.Path, "照片.png", Owner(deputy))).ShouldBeOkJsonAsync(HttpStatusCode.Created))
            .GetProperty("contentType").GetString().ShouldBe("image/png");
    }

    [Fact]
    public async Task A_file_one_byte_over_50_mb_is_refused_and_nothing_is_kept()
    {
        var deputy = await HaixiDeputyAsync(2);
        var before = await CountAsync();
        var files = StoredFiles();
        using var file = new TempFile("big.pdf");
        await using (var f = File.Create(file.Path))
        {
            await f.WriteAsync("%PDF-1.7\n"u8.ToArray());
            f.SetLength(AttachmentStore.MaxBytes + 1);
        }

        var response = await (await app.ApiClientAsync("daigongwei")).UploadFileAsync(Upload, file.Path, "big.pdf", Owner(deputy));

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("50 MB");
        (await CountAsync()).ShouldBe(before);
        StoredFiles().ShouldBe(files);
    }

    [Fact]
    public async Task Only_users_who_may_see_the_deputy_may_see_the_file()
    {
        var deputy = await HaixiDeputyAsync(3);
        int own;
        await using (var scope = app.Db())
        {
            var personId = await scope.Context.Accounts.Where(a => a.UserName == "daibiao").Select(a => a.PersonId!.Value).FirstAsync();
            own = await scope.Context.Deputies.Where(d => d.PersonId == personId && d.Congress!.Code == "632800").Select(d => d.Id).FirstAsync();
        }
        var staff = await app.ApiClientAsync("daigongwei");
        using var file = Uploads.Write("a.pdf", Pdf(1000));
        var other = (await (await staff.UploadFileAsync(Upload, file.Path, "a.pdf", Owner(deputy))).ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var mine = (await (await staff.UploadFileAsync(Upload, file.Path, "本人材料.pdf", Owner(own))).ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // Another congress: the file does not exist for them, and they cannot attach to Haixi's deputies.
        var province = await app.ApiClientAsync("qh-staff");
        await (await province.GetAsync($"{Upload}/{other}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await province.UploadFileAsync(Upload, file.Path, "a.pdf", Owner(deputy))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await province.GetAsync($"{Upload}?ownerType=Deputy&ownerId={deputy}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Same congress without the register: refused.
        var unit = await app.ApiClientAsync("jiaoyuju");
        await (await unit.GetAsync($"{Upload}/{other}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await unit.UploadFileAsync(Upload, file.Path, "a.pdf", Owner(deputy))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The deputy sees their own materials only, and cannot add any.
        var self = await app.ApiClientAsync("daibiao");
        (await self.GetAsync($"{Upload}/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await self.GetAsync($"{Upload}/{other}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await self.UploadFileAsync(Upload, file.Path, "a.pdf", Owner(own))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An owner type no module registered is refused outright.
        (await (await staff.UploadFileAsync(Upload, file.Path, "a.pdf", new() { ["ownerType"] = "Secret", ["ownerId"] = "1" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("ownerType").ShouldNotBeEmpty();
        await (await staff.GetAsync($"{Upload}?ownerType=Secret&ownerId=1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Staff_upload_on_the_deputy_page_and_the_page_lists_the_download_link()
    {
        var deputy = await HaixiDeputyAsync(4);
        var browser = await app.BrowserClientAsync("daigongwei");
        using var file = Uploads.Write("a.pdf", Pdf(2000));

        var response = await browser.PostFileFormAsync($"/deputies/{deputy}", $"/deputies/{deputy}?handler=Upload", file.Path, "2026年履职报告.pdf");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        var link = page.QuerySelectorAll("[data-testid=attachment-link]").ShouldHaveSingleItem();
        link.TextContent.ShouldBe("2026年履职报告.pdf");
        var download = await browser.GetAsync(link.GetAttribute("href"));
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(await File.ReadAllBytesAsync(file.Path));

        // A chairperson may read the page and download, but has no upload form.
        var chair = await new HtmlParser().ParseDocumentAsync(await (await (await app.BrowserClientAsync("zhuren")).GetAsync($"/deputies/{deputy}")).Content.ReadAsStringAsync());
        chair.QuerySelectorAll("[data-testid=attachment-link]").Length.ShouldBe(1);
        chair.QuerySelector("input[type=file]").ShouldBeNull();
    }

    private static Dictionary<string, string> Owner(int deputyId) => new() { ["ownerType"] = "Deputy", ["ownerId"] = deputyId.ToString() };

    /// <summary>A distinct Haixi deputy per test, so attachment lists do not mix.</summary>
    private async Task<int> HaixiDeputyAsync(int index)
    {
        await using var scope = app.Db();
        return await scope.Context.Deputies.Where(d => d.Congress!.Code == "632800").OrderBy(d => d.Id).Skip(10 + index).Select(d => d.Id).FirstAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Db();
        return await scope.Context.Attachments.CountAsync();
    }

    /// <summary>Every file under the attachment root, temporary ones included.</summary>
    private string[] StoredFiles()
        => Directory.EnumerateFiles(Path.Combine(app.DataDir, "attachments"), "*", SearchOption.AllDirectories).Order().ToArray();

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Zip(string entryName)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(entryName).Open()))
            writer.Write("<document/>");
        return stream.ToArray();
    }
}

public sealed class AttachmentsTests_Sqlite(SqliteApp app) : AttachmentsTests(app), IClassFixture<SqliteApp>;
public sealed class AttachmentsTests_Postgres(PostgresApp app) : AttachmentsTests(app), IClassFixture<PostgresApp>;
