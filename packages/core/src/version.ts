/** The version of @fitgate/core, written into every definition it derives. */
export const CORE_VERSION = '0.1.0';
