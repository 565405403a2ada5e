namespace Renda.Web.Platform.Web;

/// <summary>
/// Reads a multipart upload for an API endpoint. A body over the size limit is 413; a body that breaks off or is not a
/// well-formed multipart form (a client that died mid-upload, a hostile one) is 400 naming the file field — never 500.
/// </summary>
public static class UploadedForm
{
    /// <returns>The form, or the ProblemDetails to answer instead.</returns>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, string tooLargeMessage, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, FieldProblem("file", "请以 multipart/form-data 上传文件（字段 file）。"));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(tooLargeMessage, statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, FieldProblem("file", "上传的内容不完整或格式有误，请重新上传。"));
        }
    }

    public static IResult FieldProblem(string field, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "请求数据有误");
}
