import type { ResourceProps } from 'react-admin';

/**
 * A user's role on a unit (GraphQL type `RoleGrant`). No screen of its own: the user's page lists, adds and removes
 * them; the resource is declared so references, deletes and access checks know it.
 */
export const roleGrants: ResourceProps = {
  name: 'RoleGrant',
  recordRepresentation: 'role',
};
