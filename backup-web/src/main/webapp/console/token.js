// Reads a token's claims for display and to prefill the project. Nothing is decided from them:
// the API checks the signature and decides what the token may read.

/** The payload of a JWT as an object, or null when it is not one. */
export function claimsOf(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? claims : null;
  } catch {
    return null;
  }
}

/** Who the token says the caller is (the default claim names of the catalog). */
export function identityOf(claims) {
  const roles = Array.isArray(claims?.roles)
    ? claims.roles.filter((role) => typeof role === 'string')
    : [];
  return {
    subject: typeof claims?.sub === 'string' ? claims.sub : '',
    project: typeof claims?.project_id === 'string' ? claims.project_id : '',
    roles,
    admin: roles.includes('admin'),
    expires: typeof claims?.exp === 'number' ? new Date(claims.exp * 1000) : null,
  };
}
