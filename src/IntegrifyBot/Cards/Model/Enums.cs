namespace IntegrifyBot.Cards.Model;

// The schema's enumerations, serialized in camelCase ("extraLarge").
#pragma warning disable CA1720 // "Default" mirrors the schema's own value names.

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum TextBlockStyle { Default, Heading }

public enum HorizontalAlignment { Left, Center, Right }

public enum VerticalAlignment { Top, Center, Bottom }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum ImageSize { Auto, Stretch, Small, Medium, Large }

public enum ImageStyle { Default, Person }

public enum ActionStyle { Default, Positive, Destructive }

public enum TextInputStyle { Text, Tel, Url, Email, Password }

public enum ChoiceInputStyle { Compact, Expanded, Filtered }

public enum AssociatedInputs { Auto, None }

#pragma warning restore CA1720
