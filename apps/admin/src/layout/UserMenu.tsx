import LockResetIcon from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Logout, UserMenu as RaUserMenu, useTranslate, useUserMenu } from 'react-admin';
import { ChangePasswordDialog } from './ChangePasswordDialog';

const ChangePasswordItem = ({ onOpen }: { onOpen: () => void }) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        onOpen();
      }}
    >
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.account.change_password')}</ListItemText>
    </MenuItem>
  );
};

/**
 * The user menu of the app bar: the signed-in user's name, "Đổi mật khẩu" and logging out. The dialog lives
 * outside the menu, which unmounts its items when it closes.
 */
export const UserMenu = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RaUserMenu>
        <ChangePasswordItem onOpen={() => setOpen(true)} />
        <Logout />
      </RaUserMenu>
      <ChangePasswordDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
