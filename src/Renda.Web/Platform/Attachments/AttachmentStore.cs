namespace Renda.Web.Platform.Attachments;

// STUB — to be implemented (magic-byte type check, SHA-256, storage, access-checked download).
public static class AttachmentStore
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public static IServiceCollection AddRendaAttachments(this IServiceCollection services, IConfiguration config) => services;
}

public static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder api) { }
}
