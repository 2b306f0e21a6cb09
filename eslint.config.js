import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      ".cache/",
      "app/types/",
      "extensions/*/dist/",
      "public/build/",
      "var/",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // Domain code is pure: no clock, no environment, no I/O (docs/architecture.md).
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "process", "fetch"],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pass the clock in.",
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass the clock in." },
      ],
    },
  },
);
