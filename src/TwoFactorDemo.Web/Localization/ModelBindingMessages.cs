using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Localization;

/// <summary>Model binding's own messages ("The value 'x' is not valid.") from the resources, in plain words.</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider messages, IStringLocalizer T)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => T["'{0}' is not a valid value for {1}.", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => T["Please fill in {0}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => T["Please fill in this field."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => T["Please fill in the form."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T["'{0}' is not a valid value.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => T["That value is not valid."]);
        messages.SetUnknownValueIsInvalidAccessor(field => T["That value is not valid for {0}.", field]);
        messages.SetValueIsInvalidAccessor(value => T["'{0}' is not a valid value.", value]);
        messages.SetValueMustBeANumberAccessor(field => T["{0} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => T["This must be a number."]);
        messages.SetValueMustNotBeNullAccessor(value => T["Please fill in this field."]);
    }
}
