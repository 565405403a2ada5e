using Microsoft.AspNetCore.Http.HttpResults;
namespace Renda.Web.Platform.Web;

/// <summary>
/// Reads a multipart upload for an API endpoint. A body over the size limit is 413; a body that breaks off or is not a
/// well-formed multipart form (a client that died mid-upload, a hostile one) is 400 naming the file field — never 500.
/// </summary>
public static class UploadedForm
{
    /// <returns>The form, or the 413 to answer instead; a malformed form is refused (DomainException.Invalid naming "file").</returns>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? TooLarge)> ReadAsync(HttpRequest request, string tooLargeMessage, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw DomainException.Invalid("file", "请以 multipart/form-data 上传文件（字段 file）。");
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge(tooLargeMessage));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw DomainException.Invalid("file", "上传的内容不完整或格式有误，请重新上传。");
        }
    }

    public static ProblemHttpResult TooLarge(string message)
        => TypedResults.Problem(message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大");
}
