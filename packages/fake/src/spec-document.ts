/** The parts of an OpenAPI 3.1 document the fake reads. The embedded spec is checked against it at build time. */
export interface SpecDocument {
  readonly security?: readonly SecurityRequirement[];
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components?: {
    readonly headers?: Readonly<Record<string, HeaderObject>>;
    readonly responses?: Readonly<Record<string, ResponseObject>>;
    readonly parameters?: Readonly<Record<string, Parameter>>;
    readonly securitySchemes?: Readonly<Record<string, SecurityScheme>>;
  };
}

export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export type PathItem = { readonly parameters?: readonly ParameterOrRef[] } & {
  readonly [method in HttpMethod]?: Operation;
};

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";

export interface Operation {
  readonly operationId?: string;
  readonly security?: readonly SecurityRequirement[];
  readonly parameters?: readonly ParameterOrRef[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Readonly<Record<string, MediaType>>;
  };
  readonly responses: Readonly<Record<string, ResponseObject | Reference>>;
}

export interface MediaType {
  readonly schema?: object;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}

export interface ResponseObject {
  readonly headers?: Readonly<Record<string, HeaderObject | Reference>>;
  readonly content?: Readonly<Record<string, MediaType>>;
}

export interface HeaderObject {
  readonly required?: boolean;
  readonly schema?: object;
}

export interface Parameter {
  readonly name: string;
  readonly in: "query" | "header" | "path" | "cookie";
  readonly required?: boolean;
  readonly schema?: object;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}

export interface Reference {
  readonly $ref: string;
}

export type ParameterOrRef = Parameter | Reference;

export interface SecurityScheme {
  readonly type: string;
  readonly scheme?: string;
}
