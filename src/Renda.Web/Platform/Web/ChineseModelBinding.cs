using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Renda.Web.Platform.Web;

/// <summary>Form binding messages in Chinese: a number typed as text must not produce English.</summary>
public static class ChineseModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的值。");
        p.SetMissingBindRequiredValueAccessor(field => "此项必填。");
        p.SetMissingKeyOrValueAccessor(() => "此项必填。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "值无效。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "须填写数字。");
        p.SetUnknownValueIsInvalidAccessor(field => "值无效。");
        p.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        p.SetValueMustBeANumberAccessor(field => "须填写数字。");
        p.SetValueMustNotBeNullAccessor(value => "此项必填。");
    }
}
